using AzureML.Train.AutoML.Engine.Metrics;
using Onnx;

namespace AzureML.Train.AutoML.Engine;

/// <summary>A finished iteration (a trial or an ensemble): its metrics, out-of-fold predictions and exported model.</summary>
internal sealed record TrialOutcome
{
    public required TrialStart Start { get; init; }
    public required MetricResult Metrics { get; init; }
    public required Predictions OutOfFold { get; init; }
    public required ModelProto Model { get; init; }

    /// <summary>A readable description of the whole pipeline.</summary>
    public required string Pipeline { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Time spent training across folds and the final fit.</summary>
    public TimeSpan TrainTime { get; init; }

    /// <summary>Time spent exporting and checking the ONNX model.</summary>
    public TimeSpan ExportTime { get; init; }

    /// <summary>For ensembles: the member iterations and their weights.</summary>
    public IReadOnlyList<(int Iteration, double Weight)> Members { get; init; } = Array.Empty<(int, double)>();

    public int Iteration => Start.Iteration;

    public string Algorithm => Start.Algorithm;
}
