using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML;

/// <summary>
/// How AutoML featurizes the data: <c>"auto"</c> (infer column purposes, impute, encode), <c>"off"</c> (use numeric
/// and boolean columns as they are), or custom: auto plus column purposes you set, columns to drop and transformers
/// to block. Mirrors azureml's <c>FeaturizationConfig</c>; a string converts implicitly, so
/// <c>featurization: "auto"</c> works.
/// </summary>
public sealed class FeaturizationConfig
{
    /// <summary>The <c>"auto"</c> mode.</summary>
    public const string AutoMode = "auto";

    /// <summary>The <c>"off"</c> mode.</summary>
    public const string OffMode = "off";

    /// <summary>The mode of a configuration with purposes, drops or blocks.</summary>
    public const string CustomMode = "customized";

    private readonly Dictionary<string, string> _purposes = new(StringComparer.Ordinal);
    private readonly List<string> _blocked = new();
    private readonly List<string> _drop = new();
    private readonly string? _mode;

    /// <summary>A custom configuration (auto featurization with your changes).</summary>
    /// <param name="blockedTransformers">Transformers not to use: <c>OneHotEncoder</c>, <c>HashOneHotEncoder</c>.</param>
    /// <param name="columnPurposes">Column → purpose: <c>Numeric</c>, <c>Categorical</c>, <c>CategoricalHash</c>, <c>DateTime</c>, <c>Text</c>, <c>Hashes</c>, <c>Ignore</c>.</param>
    /// <param name="dropColumns">Columns to leave out.</param>
    /// <exception cref="ConfigException">An unknown transformer or purpose.</exception>
    public FeaturizationConfig(IEnumerable<string>? blockedTransformers = null, IReadOnlyDictionary<string, string>? columnPurposes = null,
        IEnumerable<string>? dropColumns = null)
    {
        if (blockedTransformers is not null) AddBlockedTransformers(blockedTransformers.ToArray());
        if (columnPurposes is not null)
        {
            foreach ((string column, string purpose) in columnPurposes) AddColumnPurpose(column, purpose);
        }

        if (dropColumns is not null) AddDropColumns(dropColumns.ToArray());
    }

    private FeaturizationConfig(string mode) => _mode = mode;

    /// <summary>Automatic featurization.</summary>
    public static FeaturizationConfig Auto { get; } = new(AutoMode);

    /// <summary>No featurization.</summary>
    public static FeaturizationConfig Off { get; } = new(OffMode);

    /// <summary>The transformer names that can be blocked.</summary>
    public static IReadOnlyList<string> BlockableTransformers { get; } = new[] { FeaturizationSettings.OneHotEncoder, FeaturizationSettings.HashOneHotEncoder };

    /// <summary><c>auto</c>, <c>off</c> or <c>customized</c>.</summary>
    public string Mode => _mode ?? CustomMode;

    /// <summary>The column purposes set.</summary>
    public IReadOnlyDictionary<string, string> ColumnPurposes => _purposes;

    /// <summary>The blocked transformers.</summary>
    public IReadOnlyList<string> BlockedTransformers => _blocked;

    /// <summary>The dropped columns.</summary>
    public IReadOnlyList<string> DropColumns => _drop;

    /// <summary><c>"auto"</c> or <c>"off"</c> as a configuration.</summary>
    /// <param name="mode">The mode.</param>
    /// <exception cref="ConfigException">Another string.</exception>
    public static implicit operator FeaturizationConfig(string mode) => mode?.ToLowerInvariant() switch
    {
        AutoMode => Auto,
        OffMode => Off,
        _ => throw new ConfigException($"Invalid featurization '{mode}'. Use \"auto\", \"off\" or a FeaturizationConfig.", "featurization"),
    };

    /// <summary>Sets a column's purpose.</summary>
    /// <param name="columnName">The column.</param>
    /// <param name="featureType">The purpose (azureml's feature type name).</param>
    /// <exception cref="ConfigException">An unknown purpose, or this is the shared auto/off configuration.</exception>
    public void AddColumnPurpose(string columnName, string featureType)
    {
        EnsureCustom();
        if (!FeaturizationPurposes.TryParse(featureType, out _))
        {
            throw new ConfigException($"Invalid column purpose '{featureType}' for column '{columnName}'. Supported: {string.Join(", ", FeaturizationPurposes.Names)}.", "featurization");
        }

        _purposes[columnName] = featureType;
    }

    /// <summary>Blocks transformers.</summary>
    /// <param name="transformers">Names from <see cref="BlockableTransformers"/>.</param>
    /// <exception cref="ConfigException">An unknown transformer.</exception>
    public void AddBlockedTransformers(params string[] transformers)
    {
        EnsureCustom();
        foreach (string transformer in transformers)
        {
            string? known = BlockableTransformers.FirstOrDefault(t => string.Equals(t, transformer, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw new ConfigException(
                    $"Transformer '{transformer}' cannot be blocked: the local engine uses only {string.Join(", ", BlockableTransformers)}.", "featurization");
            }

            if (!_blocked.Contains(known)) _blocked.Add(known);
        }
    }

    /// <summary>Leaves columns out.</summary>
    /// <param name="columns">The columns.</param>
    public void AddDropColumns(params string[] columns)
    {
        EnsureCustom();
        foreach (string column in columns)
        {
            if (!_drop.Contains(column)) _drop.Add(column);
        }
    }

    /// <summary>The engine's form of this configuration.</summary>
    internal FeaturizationSettings ToSettings() => Mode switch
    {
        OffMode => FeaturizationSettings.Off,
        _ => new FeaturizationSettings
        {
            // Every purpose was checked when it was added.
            Purposes = _purposes.ToDictionary(p => p.Key, p => FeaturizationPurposes.TryParse(p.Value, out ColumnPurpose purpose) ? purpose : throw new InvalidOperationException(p.Value), StringComparer.Ordinal),
            DropColumns = _drop.ToHashSet(StringComparer.Ordinal),
            BlockedTransformers = _blocked.ToHashSet(StringComparer.Ordinal),
        },
    };

    /// <inheritdoc />
    public override string ToString() => Mode == CustomMode
        ? $"FeaturizationConfig(purposes: {_purposes.Count}, drop: [{string.Join(", ", _drop)}], blocked: [{string.Join(", ", _blocked)}])"
        : Mode;

    private void EnsureCustom()
    {
        if (_mode is not null) throw new ConfigException($"The shared '{_mode}' featurization cannot be changed; create a new FeaturizationConfig().", "featurization");
    }
}
