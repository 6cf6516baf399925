namespace AzureML.Core.Backends;

/// <summary>The model registry: versions, files, tags and properties.</summary>
/// <remarks>
/// Files travel as named streams, never as paths in the registry, so the Azure backend can upload them
/// as an asset the same way the local one copies them into its folder.
/// </remarks>
internal abstract class ModelStore
{
    /// <summary>
    /// Stores the files and creates the next version of the name (1, 2, …). Either the version exists
    /// afterwards with all its files, or nothing of it does; versions stay unique when several processes
    /// register the same name at once, and a deleted version's number is never given out again.
    /// </summary>
    public abstract Task<ModelRecord> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken);

    /// <summary>A version (the latest when <paramref name="version"/> is null), or <c>null</c> when it does not exist.</summary>
    public abstract Task<ModelRecord?> GetAsync(string name, int? version, CancellationToken cancellationToken);

    /// <summary>Models matching the query, by name then newest version first, page by page.</summary>
    public abstract IAsyncEnumerable<ModelRecord> ListAsync(ModelQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The folder on this machine that holds a version's files, for callers that can use them in place (they must not
    /// change them), or <c>null</c> when the files live in a service and are read through <see cref="OpenReadAsync"/>.
    /// </summary>
    public virtual Task<string?> GetFolderOnThisMachineAsync(string name, int version, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>Opens one of a version's files (a name from <see cref="ModelRecord.Files"/>).</summary>
    public abstract Task<Stream> OpenReadAsync(string name, int version, string file, CancellationToken cancellationToken);

    /// <summary>Adds or replaces tags and removes the listed keys; returns the record afterwards.</summary>
    public abstract Task<ModelRecord> UpdateTagsAsync(string name, int version, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove,
        CancellationToken cancellationToken);

    /// <summary>Adds properties; a key that already holds a different value is refused with <see cref="UserErrorException"/>.</summary>
    public abstract Task<ModelRecord> AddPropertiesAsync(string name, int version, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken);

    /// <summary>Applies the set fields of <paramref name="update"/>; returns the record afterwards.</summary>
    public abstract Task<ModelRecord> UpdateAsync(string name, int version, ModelUpdate update, CancellationToken cancellationToken);

    /// <summary>Removes a version and its files; returns false when it did not exist.</summary>
    public abstract Task<bool> DeleteAsync(string name, int version, CancellationToken cancellationToken);
}
