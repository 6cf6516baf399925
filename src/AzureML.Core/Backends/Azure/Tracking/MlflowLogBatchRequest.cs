namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of MLflow's <c>runs/log-batch</c>.</summary>
internal sealed class MlflowLogBatchRequest
{
    public string RunId { get; set; } = "";
    public List<MlflowMetric>? Metrics { get; set; }
    public List<MlflowKeyValue>? Params { get; set; }
    public List<MlflowKeyValue>? Tags { get; set; }
}
