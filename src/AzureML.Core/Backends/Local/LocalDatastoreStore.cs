namespace AzureML.Core.Backends.Local;

/// <summary>Registered datastores and their files. Local implementation.</summary>
internal sealed class LocalDatastoreStore : DatastoreStore
{
    private readonly LocalBackend _backend;

    public LocalDatastoreStore(LocalBackend backend) => _backend = backend;

    /// <summary>The workspace this store belongs to.</summary>
    internal LocalBackend Backend => _backend;
}
