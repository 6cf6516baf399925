namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>runs/create</c>.</summary>
internal sealed class MlflowCreateRunRequest
{
    public string ExperimentId { get; set; } = "";
    /// <summary>Epoch milliseconds.</summary>
    public long StartTime { get; set; }
    public string? RunName { get; set; }
    public List<MlflowKeyValue>? Tags { get; set; }
}
