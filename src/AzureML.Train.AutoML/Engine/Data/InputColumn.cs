namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// One model input: the raw values as the model receives them, plus what featurization derived from the
/// training rows (the category that fills missing values, the date-time parts that vary).
/// </summary>
internal sealed class InputColumn
{
    /// <summary>The separator of derived pipeline column names (<c>col#filled</c>, <c>col#year</c>).</summary>
    public const char DerivedSeparator = '#';

    public required string Name { get; init; }
    public required InputKind Kind { get; init; }
    public required ColumnPurpose Purpose { get; init; }

    /// <summary><see cref="InputKind.Float"/> values.</summary>
    public float[]? Floats { get; init; }

    /// <summary><see cref="InputKind.String"/> values.</summary>
    public string[]? Strings { get; init; }

    /// <summary><see cref="InputKind.DateTime"/> values.</summary>
    public double[]? Seconds { get; init; }

    /// <summary>
    /// The most frequent category, which replaces missing values of a one-hot encoded column; null when nothing is
    /// missing (or the column is hashed, where missing values stay all-zero).
    /// </summary>
    public string? FillValue { get; init; }

    /// <summary>The categories seen in the training rows, ordinal order (set with <see cref="FillValue"/>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = Array.Empty<string>();

    /// <summary>The date-time parts that vary in the training rows (names from <see cref="DateTimeParts.Names"/>).</summary>
    public IReadOnlyList<string> DateParts { get; init; } = Array.Empty<string>();

    /// <summary>Whether the column has missing values that imputation fills.</summary>
    public bool HasMissing { get; init; }

    /// <summary>The name of the string column the pipeline reads (the filled copy when values are missing).</summary>
    public string PipelineTextColumn => FillValue is null ? Name : Name + DerivedSeparator + "filled";

    /// <summary>The pipeline column of one date-time part.</summary>
    public string PartColumn(string part) => Name + DerivedSeparator + part;
}
