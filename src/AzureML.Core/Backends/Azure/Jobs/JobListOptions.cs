namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>Server-side filters of a job list.</summary>
internal sealed record JobListOptions
{
    /// <summary>For example <c>Command</c> or <c>AutoML</c>.</summary>
    public string? JobType { get; init; }

    /// <summary>Jobs that carry this tag (a key).</summary>
    public string? Tag { get; init; }

    /// <summary><c>ActiveOnly</c>, <c>ArchivedOnly</c> or <c>All</c>.</summary>
    public string? ListViewType { get; init; }
}
