namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>What the SDK keeps of a workspace read from Resource Manager.</summary>
internal sealed record AzureWorkspaceInfo
{
    public required string Name { get; init; }
    public required string SubscriptionId { get; init; }
    public required string ResourceGroup { get; init; }
    public string? Location { get; init; }
    public string? WorkspaceId { get; init; }
    public string? FriendlyName { get; init; }
    public string? Description { get; init; }
    public string? Sku { get; init; }
    public string? Kind { get; init; }
    public Uri? DiscoveryUrl { get; init; }
    public string? MlflowTrackingUri { get; init; }
    public string? ProvisioningState { get; init; }
    public string? StorageAccount { get; init; }
    public string? KeyVault { get; init; }
    public string? ApplicationInsights { get; init; }
    public string? ContainerRegistry { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
