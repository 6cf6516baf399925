namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>runs/update</c>: the fields given change.</summary>
internal sealed class MlflowUpdateRunRequest
{
    public string RunId { get; set; } = "";
    /// <summary><c>RUNNING</c>, <c>FINISHED</c>, <c>FAILED</c> or <c>KILLED</c>.</summary>
    public string? Status { get; set; }
    /// <summary>Epoch milliseconds.</summary>
    public long? EndTime { get; set; }
    public string? RunName { get; set; }
}
