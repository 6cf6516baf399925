namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>JobBase</c> properties with the <c>CommandJob</c> and <c>AutoMLJob</c> fields (the SDK sends one kind at a time).</summary>
internal sealed class JobProperties
{
    public string? JobType { get; set; }
    public string? DisplayName { get; set; }
    public string? ExperimentName { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public string? Status { get; set; }
    public Dictionary<string, JobService>? Services { get; set; }
    public string? ComputeId { get; set; }
    public bool? IsArchived { get; set; }
    public string? Command { get; set; }
    public string? CodeId { get; set; }
    public string? EnvironmentId { get; set; }
    public Dictionary<string, string?>? EnvironmentVariables { get; set; }
    public Dictionary<string, JobInput>? Inputs { get; set; }
    public Dictionary<string, JobOutput>? Outputs { get; set; }
    public JobResources? Resources { get; set; }
    public JobDistribution? Distribution { get; set; }
    public JobLimits? Limits { get; set; }
    public JobIdentity? Identity { get; set; }
    public QueueSettings? QueueSettings { get; set; }
    public AutoMLTaskDetails? TaskDetails { get; set; }
}
