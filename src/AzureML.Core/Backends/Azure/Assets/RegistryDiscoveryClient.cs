using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// Finds where a registry's assets are served, as azure-ai-ml does for <c>MLClient(registry_name=…)</c>: a
/// discovery call on the workspace's API host with a Resource Manager token.
/// </summary>
internal sealed class RegistryDiscoveryClient
{
    /// <summary>The api-version of the registry asset API behind the discovered host.</summary>
    public const string DataPlaneApiVersion = "2021-10-01-dataplanepreview";

    private readonly AzureMLPipelines _pipelines;

    public RegistryDiscoveryClient(AzureMLPipelines pipelines) => _pipelines = pipelines;

    internal HttpMessage CreateDiscoveryRequest(Uri api, string registryName)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(api);
        uri.AppendPath("/registrymanagement/v1.0/registries/", escape: false);
        uri.AppendPath(registryName, escape: true);
        uri.AppendPath("/discovery", escape: false);
        return RestCall.CreateMessage(_pipelines.Arm, RequestMethod.Get, uri);
    }

    /// <summary>The environments of <paramref name="registryName"/>, addressed where discovery says they are served.</summary>
    public async ValueTask<AssetRestClient<EnvironmentVersionProperties>> GetEnvironmentsAsync(Uri api, string registryName, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateDiscoveryRequest(api, registryName);
        Response response = await RestCall.SendAsync(_pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
        var registry = new ArmResourceRef(ArmResourceKind.Registry, registryName);
        if (response.Status != 200) throw ArmErrors.FromResponse(response, "discover", registry, null);
        RegistryDiscovery found = RestCall.Read(response, ArmJsonContext.Default.RegistryDiscovery, $"discover registry '{registryName}'");
        if (found.SubscriptionId is null || found.ResourceGroup is null || !Uri.TryCreate(found.PrimaryRegionResourceProviderUri, UriKind.Absolute, out Uri? host))
        {
            throw RestCall.Unexpected(response, $"discover registry '{registryName}'", "no subscriptionId, resourceGroup or primaryRegionResourceProviderUri", null);
        }

        return new AssetRestClient<EnvironmentVersionProperties>(_pipelines,
            $"/subscriptions/{found.SubscriptionId}/resourceGroups/{found.ResourceGroup}/providers/Microsoft.MachineLearningServices/registries/{registryName}",
            workspaceName: null, "environments", ArmResourceKind.Environment,
            ArmJsonContext.Default.ArmResourceEnvironmentVersionProperties, ArmJsonContext.Default.ArmListArmResourceEnvironmentVersionProperties,
            new Uri(host, "mferp/managementfrontend"), DataPlaneApiVersion);
    }
}
