namespace AzureML.Core.Backends.Local;

/// <summary>Web services: deployments, their state, keys and logs. Local implementation.</summary>
internal sealed class LocalDeploymentStore : DeploymentStore
{
    private readonly LocalBackend _backend;

    public LocalDeploymentStore(LocalBackend backend) => _backend = backend;

    /// <summary>The workspace this store belongs to.</summary>
    internal LocalBackend Backend => _backend;
}
