namespace AzureML.Core.Data;

/// <summary>
/// A transformation recorded in a tabular dataset's definition and applied when it is read, as azureml keeps
/// <c>take</c>, <c>skip</c>, <c>keep_columns</c>, <c>drop_columns</c> and <c>random_split</c> as steps.
/// </summary>
internal sealed record DatasetStep
{
    public const string Take = "take";
    public const string Skip = "skip";
    public const string KeepColumns = "keepColumns";
    public const string DropColumns = "dropColumns";
    public const string RandomSplit = "randomSplit";

    public required string Operation { get; init; }
    public int? Count { get; init; }
    public IReadOnlyList<string>? Columns { get; init; }
    public double? Percentage { get; init; }
    public int? Seed { get; init; }

    /// <summary>For <see cref="RandomSplit"/>: true for the first part, false for the rest.</summary>
    public bool? First { get; init; }

    public DataFrame Apply(DataFrame frame) => Operation switch
    {
        Take => frame.Take(Count!.Value),
        Skip => frame.Skip(Count!.Value),
        KeepColumns => frame.KeepColumns(Columns!),
        DropColumns => frame.DropColumns(Columns!),
        RandomSplit => First!.Value ? frame.RandomSplit(Percentage!.Value, Seed).First : frame.RandomSplit(Percentage!.Value, Seed).Second,
        _ => throw new UserErrorException($"The dataset definition has an unknown step '{Operation}'; this SDK knows {Take}, {Skip}, {KeepColumns}, {DropColumns} and {RandomSplit}."),
    };
}
