namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>An MLflow experiment (<c>experiments/get-by-name</c>, <c>experiments/search</c>).</summary>
internal sealed class MlflowExperiment
{
    public string? ExperimentId { get; set; }
    public string? Name { get; set; }
    public string? ArtifactLocation { get; set; }
    /// <summary><c>active</c> or <c>deleted</c>.</summary>
    public string? LifecycleStage { get; set; }
    /// <summary>Epoch milliseconds.</summary>
    public long? CreationTime { get; set; }
    /// <summary>Epoch milliseconds.</summary>
    public long? LastUpdateTime { get; set; }
    public List<MlflowKeyValue>? Tags { get; set; }
}
