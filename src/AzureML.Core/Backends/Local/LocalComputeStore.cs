namespace AzureML.Core.Backends.Local;

/// <summary>Compute targets and the local node slots runs wait for. Local implementation.</summary>
internal sealed class LocalComputeStore : ComputeStore
{
    private readonly LocalBackend _backend;

    public LocalComputeStore(LocalBackend backend) => _backend = backend;

    /// <summary>The workspace this store belongs to.</summary>
    internal LocalBackend Backend => _backend;
}
