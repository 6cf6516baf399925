using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>Run history's <c>RunDetails</c>: status, times, warnings, error and the log files as read SAS URLs.</summary>
internal sealed class RunHistoryDetails
{
    public string? RunId { get; set; }
    public string? Status { get; set; }
    public DateTimeOffset? StartTimeUtc { get; set; }
    public DateTimeOffset? EndTimeUtc { get; set; }
    public string? Target { get; set; }
    public Dictionary<string, string>? LogFiles { get; set; }
    public List<RunWarning>? Warnings { get; set; }
    public ArmErrorResponse? Error { get; set; }
}
