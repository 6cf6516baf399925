namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// The rows the engine trains and validates on, as arrays: the model inputs, the label (class indexes or
/// targets) and the weights. Rows with a missing label are already left out. Validation rows, when the user
/// gave validation data, follow the training rows.
/// </summary>
internal sealed record TrainingData
{
    public required TaskKind Task { get; init; }
    public required string LabelColumn { get; init; }
    public string? WeightColumn { get; init; }

    /// <summary>Every row: training rows first, then validation rows.</summary>
    public required int RowCount { get; init; }

    /// <summary>How many of the rows are training rows (the rest came as validation data).</summary>
    public required int TrainingRowCount { get; init; }

    /// <summary>Every input column with the purpose inference gave it, including the ones left out.</summary>
    public required IReadOnlyList<ColumnProfile> Profiles { get; init; }

    /// <summary>The model inputs.</summary>
    public required IReadOnlyList<InputColumn> Inputs { get; init; }

    /// <summary>The classes (classification only).</summary>
    public ClassLabels? Classes { get; init; }

    /// <summary>The class index of each row (classification only).</summary>
    public int[] ClassIndex { get; init; } = Array.Empty<int>();

    /// <summary>The target of each row (regression only).</summary>
    public double[] Targets { get; init; } = Array.Empty<double>();

    /// <summary>The sample weight of each row, or null when every row weighs 1.</summary>
    public float[]? Weights { get; init; }

    /// <summary>Per user split column: whether each training row trains (true) or validates (false) in that fold.</summary>
    public IReadOnlyList<bool[]> CustomSplits { get; init; } = Array.Empty<bool[]>();

    /// <summary>Rows left out because their label was missing.</summary>
    public int MissingLabelRows { get; init; }

    public bool HasValidationRows => RowCount > TrainingRowCount;

    public bool IsBinary => Classes is { IsBinary: true };

    /// <summary>The number of classes, or 1 for regression (the width of a prediction).</summary>
    public int OutputWidth => Classes?.Count ?? 1;
}
