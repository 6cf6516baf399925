namespace AzureML.Core.Backends;

/// <summary>What a backend needs to create a run record.</summary>
internal sealed record RunCreateRequest
{
    public required string ExperimentName { get; init; }
    public string? RunId { get; init; }
    public string? DisplayName { get; init; }
    public string? ParentRunId { get; init; }
    public required string RunType { get; init; }
    public string? Target { get; init; }

    /// <summary>Create the run already started (<c>Running</c>), as a service does in one call for interactive and child runs.</summary>
    public bool Start { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
    public string? DefinitionJson { get; init; }
    public string? EnvironmentJson { get; init; }
}
