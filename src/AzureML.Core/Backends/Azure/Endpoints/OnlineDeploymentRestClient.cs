using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>{ws}/onlineEndpoints/{e}/deployments</c> (pattern C): create or update, get, list, delete and <c>getLogs</c>.</summary>
internal sealed class OnlineDeploymentRestClient : ArmRestClient
{
    public OnlineDeploymentRestClient(AzureMLPipelines pipelines, WorkspaceScope scope) : base(pipelines, scope.ResourceId, scope.WorkspaceName) { }

    internal HttpMessage CreateGetRequest(string endpoint, string name) => CreateRequest(RequestMethod.Get, ScopedUri("onlineEndpoints", endpoint, "deployments", name));

    internal HttpMessage CreateListRequest(string endpoint) => CreateRequest(RequestMethod.Get, ScopedUri("onlineEndpoints", endpoint, "deployments"));

    internal HttpMessage CreateCreateOrUpdateRequest(string endpoint, string name, ArmResource<OnlineDeploymentProperties> body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Put, ScopedUri("onlineEndpoints", endpoint, "deployments", name));
        RestCall.SetJson(message, body, ArmJsonContext.Default.ArmResourceOnlineDeploymentProperties);
        return message;
    }

    internal HttpMessage CreateDeleteRequest(string endpoint, string name) => CreateRequest(RequestMethod.Delete, ScopedUri("onlineEndpoints", endpoint, "deployments", name));

    internal HttpMessage CreateGetLogsRequest(string endpoint, string name, DeploymentLogsRequest body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Post, ScopedUri("onlineEndpoints", endpoint, "deployments", name, "getLogs"));
        RestCall.SetJson(message, body, ArmJsonContext.Default.DeploymentLogsRequest);
        return message;
    }

    /// <summary>The deployment, or <c>null</c> when there is none of that name.</summary>
    public ValueTask<ArmResource<OnlineDeploymentProperties>?> GetAsync(string endpoint, string name, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetRequest(endpoint, name), ArmJsonContext.Default.ArmResourceOnlineDeploymentProperties, Ref(endpoint, name), async, cancellationToken);

    /// <summary>The endpoint's deployments, page by page.</summary>
    public ArmPager<ArmResource<OnlineDeploymentProperties>> List(string endpoint)
        => Pager(() => CreateListRequest(endpoint), ArmJsonContext.Default.ArmListArmResourceOnlineDeploymentProperties, Ref(endpoint, "*"));

    /// <summary>Creates or replaces the deployment and waits until it is provisioned (or fails).</summary>
    public async ValueTask<ArmResource<OnlineDeploymentProperties>> CreateOrUpdateAsync(string endpoint, string name, ArmResource<OnlineDeploymentProperties> body, bool async, CancellationToken cancellationToken)
    {
        Response final = await StartOperationAsync(CreateCreateOrUpdateRequest(endpoint, name, body), FinalStateVia.OriginalUri, "create", Ref(endpoint, name), async, cancellationToken).ConfigureAwait(false)
            ?? throw new WebserviceException($"Creating deployment '{name}' of endpoint '{endpoint}' returned no deployment.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        return RestCall.Read(final, ArmJsonContext.Default.ArmResourceOnlineDeploymentProperties, $"create deployment '{name}'");
    }

    /// <summary>Deletes the deployment and waits until it is gone; a missing one is not an error.</summary>
    public async ValueTask DeleteAsync(string endpoint, string name, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await StartOperationAsync(CreateDeleteRequest(endpoint, name), FinalStateVia.Location, "delete", Ref(endpoint, name), async, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureMLException ex) when (ex.Status == 404)
        {
            // Delete is a no-op for a missing resource.
        }
    }

    /// <summary>The last <paramref name="tail"/> lines of a container's log: <c>InferenceServer</c> or <c>StorageInitializer</c>.</summary>
    public async ValueTask<string> GetLogsAsync(string endpoint, string name, string containerType, int tail, bool async, CancellationToken cancellationToken)
    {
        DeploymentLogs logs = await SendAsync(CreateGetLogsRequest(endpoint, name, new DeploymentLogsRequest { ContainerType = containerType, Tail = tail }),
            ArmJsonContext.Default.DeploymentLogs, "get the logs of", Ref(endpoint, name), async, cancellationToken).ConfigureAwait(false);
        return logs.Content ?? "";
    }

    private static ArmResourceRef Ref(string endpoint, string name) => new(ArmResourceKind.OnlineDeployment, $"{endpoint}/{name}");
}
