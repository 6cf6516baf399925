using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Blobs;
using AzureML.Core.Backends.Azure.Compute;
using AzureML.Core.Backends.Azure.Datastores;
using AzureML.Core.Backends.Azure.Endpoints;
using AzureML.Core.Backends.Azure.Jobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Backends.Azure.Tracking;
using AzureML.Core.Backends.Azure.Workspaces;

namespace AzureML.Core.Backends.Azure;

/// <summary>
/// Every REST client of one Azure workspace, over one set of pipelines: the Resource Manager operation groups,
/// the data plane found through discovery (run history, MLflow), blob transfer and scoring. Immutable and
/// safe to share; the discovered hosts are read once.
/// </summary>
internal sealed class AzureWorkspaceClient
{
    private readonly SemaphoreSlim _discoveryGate = new(1, 1);
    private AzureWorkspaceInfo? _info;
    private readonly Dictionary<string, AssetRestClient<EnvironmentVersionProperties>> _registries = new(StringComparer.Ordinal);
    private WorkspaceServiceEndpoints? _endpoints;

    public AzureWorkspaceClient(WorkspaceScope scope, AzureMLPipelines pipelines)
    {
        Scope = scope;
        Pipelines = pipelines;
        Workspaces = new WorkspacesRestClient(pipelines, scope.SubscriptionId);
        Computes = new ComputeRestClient(pipelines, scope);
        Codes = new CodeRestClient(pipelines, scope);
        Environments = new AssetRestClient<EnvironmentVersionProperties>(pipelines, scope.ResourceId, scope.WorkspaceName, "environments", ArmResourceKind.Environment,
            ArmJsonContext.Default.ArmResourceEnvironmentVersionProperties, ArmJsonContext.Default.ArmListArmResourceEnvironmentVersionProperties);
        Models = new AssetRestClient<ModelVersionProperties>(pipelines, scope.ResourceId, scope.WorkspaceName, "models", ArmResourceKind.Model,
            ArmJsonContext.Default.ArmResourceModelVersionProperties, ArmJsonContext.Default.ArmListArmResourceModelVersionProperties);
        Data = new AssetRestClient<DataVersionProperties>(pipelines, scope.ResourceId, scope.WorkspaceName, "data", ArmResourceKind.Data,
            ArmJsonContext.Default.ArmResourceDataVersionProperties, ArmJsonContext.Default.ArmListArmResourceDataVersionProperties);
        Datastores = new DatastoreRestClient(pipelines, scope);
        Jobs = new JobRestClient(pipelines, scope);
        OnlineEndpoints = new OnlineEndpointRestClient(pipelines, scope);
        OnlineDeployments = new OnlineDeploymentRestClient(pipelines, scope);
        Discovery = new DiscoveryClient(pipelines);
        Registries = new RegistryDiscoveryClient(pipelines);
        Scoring = new ScoringClient(pipelines);
        Blobs = new BlobTransfer(pipelines);
        Web = new WebFileClient(pipelines);
    }

    public WorkspaceScope Scope { get; }
    public AzureMLPipelines Pipelines { get; }
    public WorkspacesRestClient Workspaces { get; }
    public ComputeRestClient Computes { get; }
    public CodeRestClient Codes { get; }
    public AssetRestClient<EnvironmentVersionProperties> Environments { get; }
    public AssetRestClient<ModelVersionProperties> Models { get; }
    public AssetRestClient<DataVersionProperties> Data { get; }
    public DatastoreRestClient Datastores { get; }
    public JobRestClient Jobs { get; }
    public OnlineEndpointRestClient OnlineEndpoints { get; }
    public OnlineDeploymentRestClient OnlineDeployments { get; }
    public DiscoveryClient Discovery { get; }
    public RegistryDiscoveryClient Registries { get; }
    public ScoringClient Scoring { get; }
    public BlobTransfer Blobs { get; }
    public WebFileClient Web { get; }

    /// <summary>Creates the client of a workspace Resource Manager has already described (no need to read it again).</summary>
    public AzureWorkspaceClient(AzureWorkspaceInfo info, AzureMLPipelines pipelines)
        : this(new WorkspaceScope(info.SubscriptionId, info.ResourceGroup, info.Name), pipelines) => _info = info;

    /// <summary>Uses the hosts a job's MLflow tracking URI names, so a run's own calls need no discovery.</summary>
    public void UseTrackingUri(Uri trackingUri) => _endpoints = WorkspaceServiceEndpoints.FromTrackingUri(trackingUri);

    /// <summary>The workspace as Resource Manager describes it (region, discovery URL, tracking URI), read once.</summary>
    public async ValueTask<AzureWorkspaceInfo> GetInfoAsync(bool async, CancellationToken cancellationToken)
    {
        if (_info is { } known) return known;
        ArmResource<WorkspaceProperties> workspace = await Workspaces.GetAsync(Scope.ResourceGroup, Scope.WorkspaceName, async, cancellationToken).ConfigureAwait(false);
        AzureWorkspaceInfo info = WorkspaceConverter.ToInfo(workspace, Scope.SubscriptionId, Scope.ResourceGroup);
        _info = info;
        return info;
    }

    /// <summary>The workspace's data-plane hosts: read the workspace, then its discovery document, once.</summary>
    public async ValueTask<WorkspaceServiceEndpoints> GetServiceEndpointsAsync(bool async, CancellationToken cancellationToken)
    {
        if (_endpoints is { } known) return known;
        if (async) await _discoveryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        else _discoveryGate.Wait(cancellationToken);
        try
        {
            if (_endpoints is { } raced) return raced;
            AzureWorkspaceInfo info = await GetInfoAsync(async, cancellationToken).ConfigureAwait(false);
            if (info.DiscoveryUrl is null)
            {
                throw new AzureMLException($"Workspace '{Scope.WorkspaceName}' has no discoveryUrl, so its run history and MLflow hosts cannot be found.")
                {
                    ErrorCode = AzureMLErrorCode.UnexpectedResponse,
                };
            }

            IReadOnlyDictionary<string, string> services = await Discovery.GetAsync(info.DiscoveryUrl, Scope.WorkspaceName, async, cancellationToken).ConfigureAwait(false);
            _endpoints = WorkspaceServiceEndpoints.From(services, info.MlflowTrackingUri, Scope.ResourceId, Scope.WorkspaceName);
            return _endpoints;
        }
        finally
        {
            _discoveryGate.Release();
        }
    }

    /// <summary>Run history on the discovered <c>api</c> host.</summary>
    public async ValueTask<RunHistoryClient> GetRunHistoryAsync(bool async, CancellationToken cancellationToken)
        => new(Pipelines, (await GetServiceEndpointsAsync(async, cancellationToken).ConfigureAwait(false)).Api, Scope);

    /// <summary>MLflow tracking on the workspace's tracking host.</summary>
    public async ValueTask<MlflowClient> GetMlflowAsync(bool async, CancellationToken cancellationToken)
        => new(Pipelines, (await GetServiceEndpointsAsync(async, cancellationToken).ConfigureAwait(false)).MlflowTracking, Scope.WorkspaceName);

    /// <summary>
    /// The environments of a registry (<c>azureml</c> holds the curated ones), found through registry discovery
    /// on the workspace's API host; each registry is discovered once.
    /// </summary>
    public async ValueTask<AssetRestClient<EnvironmentVersionProperties>> GetRegistryEnvironmentsAsync(string registryName, bool async, CancellationToken cancellationToken)
    {
        lock (_registries)
        {
            if (_registries.TryGetValue(registryName, out AssetRestClient<EnvironmentVersionProperties>? known)) return known;
        }

        WorkspaceServiceEndpoints endpoints = await GetServiceEndpointsAsync(async, cancellationToken).ConfigureAwait(false);
        AssetRestClient<EnvironmentVersionProperties> client = await Registries.GetEnvironmentsAsync(endpoints.Api, registryName, async, cancellationToken).ConfigureAwait(false);
        lock (_registries) _registries[registryName] = client;
        return client;
    }

    /// <summary>The id jobs and deployments use for a registry environment version: <c>azureml://registries/{r}/environments/{n}/versions/{v}</c>.</summary>
    public static string RegistryEnvironmentId(string registryName, string name, string version)
        => $"azureml://registries/{registryName}/environments/{name}/versions/{version}";
}
