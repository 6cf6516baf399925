namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>The engine's view of <c>featurization</c>: on or off, purposes the user set, columns to drop, blocked transformers.</summary>
internal sealed record FeaturizationSettings
{
    /// <summary>The transformer names (azureml's) that can be blocked here.</summary>
    public const string OneHotEncoder = "OneHotEncoder";

    /// <summary>Hashing of high-cardinality categorical columns.</summary>
    public const string HashOneHotEncoder = "HashOneHotEncoder";

    public static FeaturizationSettings Auto { get; } = new();

    public static FeaturizationSettings Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;
    public IReadOnlyDictionary<string, ColumnPurpose> Purposes { get; init; } = new Dictionary<string, ColumnPurpose>(StringComparer.Ordinal);
    public IReadOnlySet<string> DropColumns { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public IReadOnlySet<string> BlockedTransformers { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
