namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>ProbeSettings</c>: ISO-8601 durations and thresholds.</summary>
internal sealed class ProbeSettings
{
    public string? InitialDelay { get; set; }
    public string? Period { get; set; }
    public string? Timeout { get; set; }
    public int? FailureThreshold { get; set; }
    public int? SuccessThreshold { get; set; }
}
