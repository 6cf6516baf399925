using AzureML.Core.Data;

namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>What inference found about one input column, and the purpose it gave the column.</summary>
internal sealed record ColumnProfile
{
    public required string Name { get; init; }
    public required DataFrameColumnType DataType { get; init; }
    public required ColumnPurpose Purpose { get; init; }
    public required int RowCount { get; init; }
    public required int MissingCount { get; init; }
    public required int DistinctCount { get; init; }

    /// <summary>Whether the purpose came from the featurization configuration rather than inference.</summary>
    public bool SetByUser { get; init; }

    /// <summary>True for the purposes that make the column a model input.</summary>
    public bool IsFeature => Purpose is ColumnPurpose.Numeric or ColumnPurpose.Boolean or ColumnPurpose.Categorical
        or ColumnPurpose.CategoricalHash or ColumnPurpose.DateTime;

    /// <summary>True when the model takes the column as text (the ONNX input is a string tensor).</summary>
    public bool IsTextInput => Purpose is ColumnPurpose.Categorical or ColumnPurpose.CategoricalHash;

    public double MissingFraction => RowCount == 0 ? 0 : (double)MissingCount / RowCount;
}
