namespace AzureML.Core.Backends;

/// <summary>A run as a backend stores it.</summary>
internal sealed record RunRecord
{
    public required string RunId { get; init; }
    public required string ExperimentName { get; init; }
    public required long Number { get; init; }
    public string? DisplayName { get; init; }
    public required string Status { get; init; }
    public string? ParentRunId { get; init; }
    public required string RunType { get; init; }
    public string? Target { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The run definition (script, arguments, target…) as JSON, or <c>null</c> for interactive runs.</summary>
    public string? DefinitionJson { get; init; }

    /// <summary>The environment the run used, in the <c>azureml_environment.json</c> form.</summary>
    public string? EnvironmentJson { get; init; }

    /// <summary>Why the run failed, when it did.</summary>
    public RunError? Error { get; init; }
}
