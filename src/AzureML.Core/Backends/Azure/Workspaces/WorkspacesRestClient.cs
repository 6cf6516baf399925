using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Workspaces;

/// <summary>
/// <c>Microsoft.MachineLearningServices/workspaces</c> (workspaceRP.json): get, create or update (pattern A),
/// delete (pattern A, <c>final-state-via: location</c>), list by resource group or subscription, and listKeys.
/// </summary>
internal sealed class WorkspacesRestClient : ArmRestClient
{
    private const string ResourceGroupsApiVersion = "2021-04-01";

    /// <summary>A client for workspaces of one subscription.</summary>
    public WorkspacesRestClient(AzureMLPipelines pipelines, string subscriptionId)
        : base(pipelines, $"/subscriptions/{subscriptionId}", workspaceName: null)
    {
    }

    internal HttpMessage CreateGetRequest(string resourceGroup, string name)
        => CreateRequest(RequestMethod.Get, ScopedUri("resourceGroups", resourceGroup, "providers", "Microsoft.MachineLearningServices", "workspaces", name));

    internal HttpMessage CreateCreateOrUpdateRequest(string resourceGroup, string name, ArmResource<WorkspaceProperties> body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Put, ScopedUri("resourceGroups", resourceGroup, "providers", "Microsoft.MachineLearningServices", "workspaces", name));
        RestCall.SetJson(message, body, ArmJsonContext.Default.ArmResourceWorkspaceProperties);
        return message;
    }

    internal HttpMessage CreateDeleteRequest(string resourceGroup, string name, bool forceToPurge)
    {
        RequestUriBuilder uri = ScopedUri("resourceGroups", resourceGroup, "providers", "Microsoft.MachineLearningServices", "workspaces", name);
        if (forceToPurge) uri.AppendQuery("forceToPurge", "true", escapeValue: false);
        return CreateRequest(RequestMethod.Delete, uri);
    }

    internal HttpMessage CreateListByResourceGroupRequest(string resourceGroup)
        => CreateRequest(RequestMethod.Get, ScopedUri("resourceGroups", resourceGroup, "providers", "Microsoft.MachineLearningServices", "workspaces"));

    internal HttpMessage CreateListBySubscriptionRequest()
        => CreateRequest(RequestMethod.Get, ScopedUri("providers", "Microsoft.MachineLearningServices", "workspaces"));

    internal HttpMessage CreateListKeysRequest(string resourceGroup, string name)
        => CreateRequest(RequestMethod.Post, ScopedUri("resourceGroups", resourceGroup, "providers", "Microsoft.MachineLearningServices", "workspaces", name, "listKeys"), Pipelines.Secrets);

    /// <summary>The workspace; a missing one is an error that names it.</summary>
    public ValueTask<ArmResource<WorkspaceProperties>> GetAsync(string resourceGroup, string name, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateGetRequest(resourceGroup, name), ArmJsonContext.Default.ArmResourceWorkspaceProperties, "get", Ref(name), async, cancellationToken);

    /// <summary>Creates or updates the workspace and waits for Resource Manager to finish.</summary>
    public async ValueTask<ArmResource<WorkspaceProperties>> CreateOrUpdateAsync(string resourceGroup, string name, ArmResource<WorkspaceProperties> body, bool async, CancellationToken cancellationToken)
    {
        Response? final = await StartOperationAsync(CreateCreateOrUpdateRequest(resourceGroup, name, body), FinalStateVia.OriginalUri, "create", Ref(name), async, cancellationToken).ConfigureAwait(false)
            ?? throw new AzureMLException($"Creating workspace '{name}' returned no workspace.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        return RestCall.Read(final, ArmJsonContext.Default.ArmResourceWorkspaceProperties, $"create workspace '{name}'");
    }

    /// <summary>Deletes the workspace and (unless <paramref name="wait"/> is false) waits until it is gone; a missing workspace is not an error.</summary>
    public async ValueTask DeleteAsync(string resourceGroup, string name, bool forceToPurge, bool wait, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await StartOperationAsync(CreateDeleteRequest(resourceGroup, name, forceToPurge), FinalStateVia.Location, "delete", Ref(name), async, cancellationToken, wait: wait).ConfigureAwait(false);
        }
        catch (AzureMLException ex) when (ex.Status == 404)
        {
            // Delete is a no-op for a missing resource.
        }
    }

    /// <summary>Creates the resource group, or leaves an existing one as it is (Microsoft.Resources, api-version <c>2021-04-01</c>).</summary>
    public async ValueTask CreateResourceGroupIfMissingAsync(string resourceGroup, string location, bool async, CancellationToken cancellationToken)
    {
        using HttpMessage head = CreateResourceGroupRequest(RequestMethod.Head, resourceGroup, location);
        Response exists = await RestCall.SendAsync(Pipelines.Arm, head, async, cancellationToken).ConfigureAwait(false);
        if (exists.Status == 204) return;
        if (exists.Status != 404) throw Error(exists, "check", new ArmResourceRef(ArmResourceKind.Workspace, $"resource group {resourceGroup}"));
        await SendNoContentAsync(CreateResourceGroupRequest(RequestMethod.Put, resourceGroup, location), "create",
            new ArmResourceRef(ArmResourceKind.Workspace, $"resource group {resourceGroup}"), async, cancellationToken, 200, 201).ConfigureAwait(false);
    }

    internal HttpMessage CreateResourceGroupRequest(RequestMethod method, string resourceGroup, string location)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Pipelines.Endpoint);
        uri.AppendPath(ScopeId, escape: false);
        uri.AppendPath("/resourcegroups/", escape: false);
        uri.AppendPath(resourceGroup, escape: true);
        uri.AppendQuery("api-version", ResourceGroupsApiVersion, escapeValue: false);
        HttpMessage message = CreateRequest(method, uri);
        if (method == RequestMethod.Put)
        {
            RestCall.SetJson(message, new Dictionary<string, string> { ["location"] = location }, ArmJsonContext.Default.DictionaryStringString);
        }

        return message;
    }

    /// <summary>The workspaces of a resource group, or of the whole subscription when <paramref name="resourceGroup"/> is null.</summary>
    public ArmPager<ArmResource<WorkspaceProperties>> List(string? resourceGroup)
        => Pager(() => resourceGroup is null ? CreateListBySubscriptionRequest() : CreateListByResourceGroupRequest(resourceGroup),
            ArmJsonContext.Default.ArmListArmResourceWorkspaceProperties, Ref(resourceGroup ?? "*"));

    /// <summary>The workspace's storage key and instrumentation key; secrets, never logged.</summary>
    public ValueTask<WorkspaceKeys> ListKeysAsync(string resourceGroup, string name, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateListKeysRequest(resourceGroup, name), ArmJsonContext.Default.WorkspaceKeys, "list the keys of", Ref(name), async, cancellationToken, Pipelines.Secrets);

    private static ArmResourceRef Ref(string name) => new(ArmResourceKind.Workspace, name);
}
