namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary><c>Workspace.properties</c> (workspaceRP.json <c>WorkspaceProperties</c>).</summary>
internal sealed class WorkspaceProperties
{
    public string? FriendlyName { get; set; }
    public string? Description { get; set; }
    public string? StorageAccount { get; set; }
    public string? KeyVault { get; set; }
    public string? ApplicationInsights { get; set; }
    public string? ContainerRegistry { get; set; }
    public bool? HbiWorkspace { get; set; }
    public string? PublicNetworkAccess { get; set; }
    public string? DiscoveryUrl { get; set; }
    public string? MlFlowTrackingUri { get; set; }
    public string? WorkspaceId { get; set; }
    public string? ProvisioningState { get; set; }
    public string? TenantId { get; set; }
    public bool? StorageHnsEnabled { get; set; }
    public string? ServiceProvisionedResourceGroup { get; set; }
}
