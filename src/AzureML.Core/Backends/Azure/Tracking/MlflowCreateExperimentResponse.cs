namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The answer of <c>experiments/create</c>.</summary>
internal sealed class MlflowCreateExperimentResponse
{
    public string? ExperimentId { get; set; }
}
