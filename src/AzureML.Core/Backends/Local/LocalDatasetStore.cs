namespace AzureML.Core.Backends.Local;

/// <summary>Registered datasets and their versions. Local implementation.</summary>
internal sealed class LocalDatasetStore : DatasetStore
{
    private readonly LocalBackend _backend;

    public LocalDatasetStore(LocalBackend backend) => _backend = backend;

    /// <summary>The workspace this store belongs to.</summary>
    internal LocalBackend Backend => _backend;
}
