namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>MLflow <c>RunData</c>: the latest metric values, params and tags.</summary>
internal sealed class MlflowRunData
{
    public List<MlflowMetric>? Metrics { get; set; }
    public List<MlflowKeyValue>? Params { get; set; }
    public List<MlflowKeyValue>? Tags { get; set; }
}
