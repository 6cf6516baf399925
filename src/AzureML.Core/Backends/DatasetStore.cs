namespace AzureML.Core.Backends;

/// <summary>Registered datasets and their versions, and the datasets each run received.</summary>
internal abstract class DatasetStore
{
    /// <summary>
    /// Registers a definition under a name. The same definition as the latest version returns that version;
    /// a changed one becomes the next version only when <see cref="DatasetRegistration.CreateNewVersion"/> is set.
    /// </summary>
    /// <exception cref="UserErrorException">The name exists with another definition and no new version was asked for.</exception>
    public abstract Task<DatasetRecord> RegisterAsync(DatasetRegistration registration, CancellationToken cancellationToken);

    /// <summary>A version (latest when <paramref name="version"/> is null) or <c>null</c> when missing.</summary>
    public abstract Task<DatasetRecord?> GetAsync(string name, long? version, CancellationToken cancellationToken);

    /// <summary>A version by id, or <c>null</c>.</summary>
    public abstract Task<DatasetRecord?> GetByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>The latest version of every registered name, page by page.</summary>
    public abstract IAsyncEnumerable<DatasetRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes every version of a name; returns how many there were.</summary>
    public abstract Task<int> UnregisterAllVersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>The datasets a run received, by input name.</summary>
    public abstract Task<IReadOnlyList<RunInputRecord>> GetRunInputsAsync(string runId, CancellationToken cancellationToken);
}
