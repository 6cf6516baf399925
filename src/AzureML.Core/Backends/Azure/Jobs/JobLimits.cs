namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>CommandJobLimits</c>: the run's time limit as an ISO-8601 duration.</summary>
internal sealed class JobLimits
{
    public string? JobLimitsType { get; set; }
    public string? Timeout { get; set; }
}
