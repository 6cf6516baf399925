using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>
/// <c>{ws}/computes</c> (machineLearningServices.json): create or update and delete (pattern B,
/// <c>Azure-AsyncOperation</c>), get, list, and update of the scale settings.
/// </summary>
internal sealed class ComputeRestClient : ArmRestClient
{
    public ComputeRestClient(AzureMLPipelines pipelines, WorkspaceScope scope) : base(pipelines, scope.ResourceId, scope.WorkspaceName) { }

    internal HttpMessage CreateGetRequest(string name) => CreateRequest(RequestMethod.Get, ScopedUri("computes", name));

    internal HttpMessage CreateListRequest() => CreateRequest(RequestMethod.Get, ScopedUri("computes"));

    internal HttpMessage CreateCreateOrUpdateRequest(string name, ArmResource<ComputeProperties> body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Put, ScopedUri("computes", name), Pipelines.Secrets);
        RestCall.SetJson(message, body, ArmJsonContext.Default.ArmResourceComputeProperties);
        return message;
    }

    internal HttpMessage CreateUpdateRequest(string name, ClusterUpdateParameters body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Patch, ScopedUri("computes", name));
        RestCall.SetJson(message, body, ArmJsonContext.Default.ClusterUpdateParameters);
        return message;
    }

    internal HttpMessage CreateDeleteRequest(string name, bool detach)
    {
        RequestUriBuilder uri = ScopedUri("computes", name);
        uri.AppendQuery("underlyingResourceAction", detach ? "Detach" : "Delete", escapeValue: false);
        return CreateRequest(RequestMethod.Delete, uri);
    }

    /// <summary>The compute target with its status, or <c>null</c> when there is none of that name.</summary>
    public ValueTask<ArmResource<ComputeProperties>?> GetAsync(string name, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetRequest(name), ArmJsonContext.Default.ArmResourceComputeProperties, Ref(name), async, cancellationToken);

    /// <summary>Every compute target of the workspace, page by page.</summary>
    public ArmPager<ArmResource<ComputeProperties>> List()
        => Pager(CreateListRequest, ArmJsonContext.Default.ArmListArmResourceComputeProperties, Ref("*"));

    /// <summary>
    /// Creates or replaces the target and waits until it is provisioned (or provisioning fails); with
    /// <paramref name="wait"/> false, returns the target as the service first answers (<c>Creating</c>).
    /// </summary>
    /// <remarks>The body may carry an administrator password, so it goes over the pipeline that never logs content.</remarks>
    public async ValueTask<ArmResource<ComputeProperties>> CreateOrUpdateAsync(string name, ArmResource<ComputeProperties> body, bool async, CancellationToken cancellationToken,
        bool wait = true)
    {
        Response final = await StartOperationAsync(CreateCreateOrUpdateRequest(name, body), FinalStateVia.OriginalUri, "create", Ref(name), async, cancellationToken, Pipelines.Secrets,
                wait).ConfigureAwait(false)
            ?? throw new ComputeTargetException($"Creating compute '{name}' returned no compute.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        return RestCall.Read(final, ArmJsonContext.Default.ArmResourceComputeProperties, $"create compute '{name}'");
    }

    /// <summary>Changes the scale settings of a cluster.</summary>
    public async ValueTask<ArmResource<ComputeProperties>> UpdateAsync(string name, ClusterUpdateParameters body, bool async, CancellationToken cancellationToken)
    {
        Response final = await StartOperationAsync(CreateUpdateRequest(name, body), FinalStateVia.OriginalUri, "update", Ref(name), async, cancellationToken).ConfigureAwait(false)
            ?? throw new ComputeTargetException($"Updating compute '{name}' returned no compute.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        return RestCall.Read(final, ArmJsonContext.Default.ArmResourceComputeProperties, $"update compute '{name}'");
    }

    /// <summary>Deletes (or detaches) the target and waits until it is gone; a missing target is not an error.</summary>
    public async ValueTask DeleteAsync(string name, bool detach, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await StartOperationAsync(CreateDeleteRequest(name, detach), FinalStateVia.OriginalUri, detach ? "detach" : "delete", Ref(name), async, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureMLException ex) when (ex.Status == 404)
        {
            // Delete is a no-op for a missing resource (the Azure SDK verb rule).
        }
    }

    private static ArmResourceRef Ref(string name) => new(ArmResourceKind.Compute, name);
}
