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

    /// <summary>The latest version of every registered name.</summary>
    public abstract Task<IReadOnlyList<EnvironmentRecord>> ListAsync(CancellationToken cancellationToken);
}
