namespace AzureML.Core.Backends;

/// <summary>Backend operations on experiments.</summary>
internal abstract class ExperimentStore
{
    /// <summary>Returns the experiment with that name, creating it when missing.</summary>
    public abstract Task<ExperimentRecord> GetOrCreateAsync(string name, CancellationToken cancellationToken);

    /// <summary>Returns the experiment or <c>null</c> when it does not exist.</summary>
    public abstract Task<ExperimentRecord?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>The experiments by name, page by page; archived ones only when asked.</summary>
    public abstract IAsyncEnumerable<ExperimentRecord> ListAsync(bool includeArchived, CancellationToken cancellationToken);

    /// <summary>Marks the experiment archived (or active again when <paramref name="archived"/> is false).</summary>
    public abstract Task<ExperimentRecord> SetArchivedAsync(string name, bool archived, CancellationToken cancellationToken);

    /// <summary>Adds or replaces tags and removes the keys listed in <paramref name="remove"/>.</summary>
    public abstract Task<ExperimentRecord> UpdateTagsAsync(string name, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken);
}
