using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>What the exported model must look like: its inputs, task, classes and the description stored with it.</summary>
internal sealed record OnnxModelSpec
{
    public required TrainingData Data { get; init; }

    /// <summary>The algorithm (<c>LightGBM</c>, <c>VotingEnsemble</c>).</summary>
    public required string Algorithm { get; init; }

    /// <summary>A readable description of the pipeline.</summary>
    public required string Pipeline { get; init; }
}
