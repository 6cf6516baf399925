namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>An MLflow metric point: key, value, epoch-millisecond timestamp and step.</summary>
internal sealed class MlflowMetric
{
    public string Key { get; set; } = "";
    public double Value { get; set; }
    public long Timestamp { get; set; }
    public long? Step { get; set; }
}
