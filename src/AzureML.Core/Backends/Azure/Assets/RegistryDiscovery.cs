namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// The answer of <c>{api}/registrymanagement/v1.0/registries/{name}/discovery</c>: where a registry's assets are
/// served and the subscription and resource group its paths use (the registry's own, not the caller's).
/// </summary>
internal sealed class RegistryDiscovery
{
    public string? RegistryName { get; set; }
    public string? SubscriptionId { get; set; }
    public string? ResourceGroup { get; set; }
    public string? PrimaryRegion { get; set; }

    /// <summary>The host of the registry's asset API, for example <c>https://cert-eastus.experiments.azureml.net/</c>.</summary>
    public string? PrimaryRegionResourceProviderUri { get; set; }
}
