namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The answer of MLflow's <c>metrics/get-history</c>.</summary>
internal sealed class MlflowMetricHistory
{
    public List<MlflowMetric>? Metrics { get; set; }
    public string? NextPageToken { get; set; }
}
