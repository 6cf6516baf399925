namespace AzureML.Core.Backends.Local;

/// <summary>The model registry: versions, files, tags and properties. Local implementation.</summary>
internal sealed class LocalModelStore : ModelStore
{
    private readonly LocalBackend _backend;

    public LocalModelStore(LocalBackend backend) => _backend = backend;

    /// <summary>The workspace this store belongs to.</summary>
    internal LocalBackend Backend => _backend;
}
