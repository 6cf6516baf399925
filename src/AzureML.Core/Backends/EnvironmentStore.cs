namespace AzureML.Core.Backends;

/// <summary>The environment registry.</summary>
internal abstract class EnvironmentStore
{
    /// <summary>
    /// Registers a definition. When the latest version of that name has the same definition it is
    /// returned unchanged; otherwise a new version (1, 2, …) is created.
    /// </summary>
    public abstract Task<EnvironmentRecord> RegisterAsync(string name, string definitionJson, CancellationToken cancellationToken);

    /// <summary>Returns a version (latest when <paramref name="version"/> is null) or <c>null</c> when missing.</summary>
    public abstract Task<EnvironmentRecord?> GetAsync(string name, string? version, CancellationToken cancellationToken);

    /// <summary>The latest version of every registered name, page by page.</summary>
    public abstract IAsyncEnumerable<EnvironmentRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A curated environment (the service's <c>AzureML-*</c> ones, which need no registration): a version (latest
    /// when <paramref name="version"/> is null), or <c>null</c> when there is no such curated environment.
    /// </summary>
    public abstract Task<EnvironmentRecord?> GetCuratedAsync(string name, string? version, CancellationToken cancellationToken);

    /// <summary>The curated environments this backend lists with the registered ones; empty where there are too many to list.</summary>
    public abstract IAsyncEnumerable<EnvironmentRecord> ListCuratedAsync(CancellationToken cancellationToken);
}
