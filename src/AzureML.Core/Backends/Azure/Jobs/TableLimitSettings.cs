namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>TableVerticalLimitSettings</c>: timeouts and trial counts.</summary>
internal sealed class TableLimitSettings
{
    public string? Timeout { get; set; }
    public string? TrialTimeout { get; set; }
    public int? MaxTrials { get; set; }
    public int? MaxConcurrentTrials { get; set; }
    public int? MaxCoresPerTrial { get; set; }
    public double? ExitScore { get; set; }
    public bool? EnableEarlyTermination { get; set; }
}
