namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>Where a registry lives, from the registry discovery service.</summary>
internal sealed class RegistryDiscovery
{
    public string? RegistryName { get; set; }
    public string? SubscriptionId { get; set; }
    public string? ResourceGroup { get; set; }
    public string? PrimaryRegion { get; set; }
}
