namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>experiments/set-experiment-tag</c>.</summary>
internal sealed class MlflowSetExperimentTagRequest
{
    public string ExperimentId { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
