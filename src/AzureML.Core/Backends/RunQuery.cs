namespace AzureML.Core.Backends;

/// <summary>Filters for listing runs; every filter that is set must match.</summary>
internal sealed record RunQuery
{
    public string? ExperimentName { get; init; }
    public string? ParentRunId { get; init; }

    /// <summary>When false, only top-level runs (no parent) are returned unless <see cref="ParentRunId"/> is set.</summary>
    public bool IncludeChildren { get; init; }

    public string? RunType { get; init; }
    public string? Status { get; init; }
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }
    public IReadOnlyDictionary<string, string?>? Properties { get; init; }
}
