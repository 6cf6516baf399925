namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>MLflow <c>RunInfo</c>.</summary>
internal sealed class MlflowRunInfo
{
    public string? RunId { get; set; }
    public string? RunUuid { get; set; }
    public string? ExperimentId { get; set; }
    public string? RunName { get; set; }
    public string? Status { get; set; }
    public long? StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? ArtifactUri { get; set; }
    public string? LifecycleStage { get; set; }
}
