using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// Environments of an Azure workspace (<c>{ws}/environments</c>, numbered versions) and the curated ones of the
/// <c>azureml</c> registry.
/// </summary>
internal sealed class AzureEnvironmentStore : EnvironmentStore
{
    /// <summary>The registry that holds the service's curated environments.</summary>
    public const string CuratedRegistry = "azureml";

    private readonly AzureWorkspaceClient _client;

    public AzureEnvironmentStore(AzureWorkspaceClient client) => _client = client;

    private AssetRestClient<EnvironmentVersionProperties> Environments => _client.Environments;

    public override async Task<EnvironmentRecord> RegisterAsync(string name, string definitionJson, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        Environment environment = EnvironmentJson.Deserialize(definitionJson, $"The definition of environment '{name}'");
        ArmResource<EnvironmentVersionProperties> body = EnvironmentConverter.ToResource(environment);
        ArmResource<AssetContainerProperties>? container = await Environments.GetContainerAsync(name, async, cancellationToken).ConfigureAwait(false);
        if (container?.Properties?.LatestVersion is { } latestVersion
            && await Environments.GetVersionAsync(name, latestVersion, async, cancellationToken).ConfigureAwait(false) is { } latest
            && EnvironmentConverter.SameDefinition(latest, body))
        {
            return EnvironmentConverter.ToRecord(name, latest);
        }

        string version = AssetVersions.Next(container, "environment", name);
        ArmResource<EnvironmentVersionProperties> created = await Environments.CreateOrUpdateVersionAsync(name, version, body, async, cancellationToken).ConfigureAwait(false);
        return EnvironmentConverter.ToRecord(name, created);
    }

    public override async Task<EnvironmentRecord?> GetAsync(string name, string? version, CancellationToken cancellationToken)
        => await GetFromAsync(Environments, name, version, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);

    public override IAsyncEnumerable<EnvironmentRecord> ListAsync(CancellationToken cancellationToken)
        => LatestOfEachAsync(!SynchronousCall.IsActive, cancellationToken);

    public override async Task<EnvironmentRecord?> GetCuratedAsync(string name, string? version, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        AssetRestClient<EnvironmentVersionProperties> registry = await _client.GetRegistryEnvironmentsAsync(CuratedRegistry, async, cancellationToken).ConfigureAwait(false);
        return await GetFromAsync(registry, name, version, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>azureml</c> registry holds hundreds of environments: they are fetched by name, not listed.</summary>
    public override IAsyncEnumerable<EnvironmentRecord> ListCuratedAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<EnvironmentRecord>();

    /// <summary>
    /// The id a job or deployment uses for <paramref name="environment"/>: a curated one's registry id, else the
    /// workspace version it is registered as (the same definition keeps its version; an unnamed one is registered as
    /// <paramref name="fallbackName"/>).
    /// </summary>
    public async Task<string> IdOfAsync(Environment environment, string fallbackName, CancellationToken cancellationToken)
    {
        if (environment.Name.StartsWith("AzureML-", StringComparison.OrdinalIgnoreCase) && environment.Version is { } version)
        {
            return AzureWorkspaceClient.RegistryEnvironmentId(CuratedRegistry, environment.Name, version);
        }

        string name = string.IsNullOrEmpty(environment.Name) ? fallbackName : environment.Name;
        EnvironmentRecord registered = await RegisterAsync(name, EnvironmentJson.Serialize(environment), cancellationToken).ConfigureAwait(false);
        return _client.Scope.AssetVersionId("environments", registered.Name, registered.Version);
    }

    private static async Task<EnvironmentRecord?> GetFromAsync(AssetRestClient<EnvironmentVersionProperties> client, string name, string? version, bool async,
        CancellationToken cancellationToken)
    {
        if (version is null)
        {
            ArmResource<AssetContainerProperties>? container = await client.GetContainerAsync(name, async, cancellationToken).ConfigureAwait(false);
            version = container?.Properties?.LatestVersion;
            if (version is null) return null;
        }

        ArmResource<EnvironmentVersionProperties>? resource = await client.GetVersionAsync(name, version, async, cancellationToken).ConfigureAwait(false);
        return resource is null ? null : EnvironmentConverter.ToRecord(name, resource);
    }

    private async IAsyncEnumerable<EnvironmentRecord> LatestOfEachAsync(bool async, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ArmResource<AssetContainerProperties> container in Environments.ListContainers().EnumerateAsync(async, cancellationToken).ConfigureAwait(false))
        {
            if (container.Name is not { } name || container.Properties?.LatestVersion is not { } latest) continue;
            if (await Environments.GetVersionAsync(name, latest, async, cancellationToken).ConfigureAwait(false) is { } resource)
            {
                yield return EnvironmentConverter.ToRecord(name, resource);
            }
        }
    }
}
