using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// What the Resource Manager clients share: building <c>{endpoint}{scope}/…?api-version=</c> URIs, sending a
/// request and switching on its status, starting long-running operations and paging lists. Each derived client
/// keeps the generated-client shape: a <c>CreateXRequest</c> per operation, then an <c>XAsync(…, async)</c>
/// core that the sync and async entry points share.
/// </summary>
internal abstract class ArmRestClient
{
    /// <param name="pipelines">The connection's pipelines.</param>
    /// <param name="scopeId">The resource id paths start from.</param>
    /// <param name="workspaceName">The workspace, for messages.</param>
    /// <param name="endpoint">Where the paths are sent; default Resource Manager.</param>
    /// <param name="apiVersion">The api-version; default the connection's.</param>
    protected ArmRestClient(AzureMLPipelines pipelines, string scopeId, string? workspaceName, Uri? endpoint = null, string? apiVersion = null)
    {
        Pipelines = pipelines;
        ScopeId = scopeId;
        WorkspaceName = workspaceName;
        Endpoint = endpoint ?? pipelines.Endpoint;
        ApiVersion = apiVersion ?? pipelines.ApiVersion;
    }

    /// <summary>The host (and base path) requests go to.</summary>
    protected Uri Endpoint { get; }

    /// <summary>The api-version query value.</summary>
    protected string ApiVersion { get; }

    /// <summary>The pipelines and options of the connection.</summary>
    protected AzureMLPipelines Pipelines { get; }

    /// <summary>The resource id paths start from: a workspace, a registry or a resource group.</summary>
    protected string ScopeId { get; }

    /// <summary>The workspace name, for messages; <c>null</c> outside a workspace.</summary>
    protected string? WorkspaceName { get; }

    /// <summary><c>{endpoint}{scope}/{segments…}?api-version=</c>; each segment is escaped.</summary>
    protected RequestUriBuilder ScopedUri(params string[] segments)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Endpoint);
        uri.AppendPath(ScopeId.TrimEnd('/'), escape: false);
        foreach (string segment in segments)
        {
            uri.AppendPath("/", escape: false);
            uri.AppendPath(segment, escape: true);
        }

        uri.AppendQuery("api-version", ApiVersion, escapeValue: true);
        return uri;
    }

    /// <summary>A request on the ARM pipeline.</summary>
    protected HttpMessage CreateRequest(RequestMethod method, RequestUriBuilder uri, HttpPipeline? pipeline = null)
        => RestCall.CreateMessage(pipeline ?? Pipelines.Arm, method, uri);

    /// <summary>Sends and reads the body of a 200/201 answer; any other status becomes the SDK's exception.</summary>
    protected async ValueTask<T> SendAsync<T>(HttpMessage message, JsonTypeInfo<T> typeInfo, string action, ArmResourceRef resource, bool async,
        CancellationToken cancellationToken, HttpPipeline? pipeline = null)
    {
        using (message)
        {
            Response response = await RestCall.SendAsync(pipeline ?? Pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                200 or 201 => RestCall.Read(response, typeInfo, $"{action} {resource}"),
                _ => throw Error(response, action, resource),
            };
        }
    }

    /// <summary>Like <see cref="SendAsync{T}"/>, but a 404 answers <c>null</c>: the store rule for reads of things that may not exist.</summary>
    protected async ValueTask<T?> GetOrNullAsync<T>(HttpMessage message, JsonTypeInfo<T> typeInfo, ArmResourceRef resource, bool async, CancellationToken cancellationToken)
        where T : class
    {
        using (message)
        {
            Response response = await RestCall.SendAsync(Pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                200 => RestCall.Read(response, typeInfo, $"get {resource}"),
                404 => null,
                _ => throw Error(response, "get", resource),
            };
        }
    }

    /// <summary>Sends a request that needs no answer body; <paramref name="success"/> lists the statuses that mean done.</summary>
    protected async ValueTask<int> SendNoContentAsync(HttpMessage message, string action, ArmResourceRef resource, bool async, CancellationToken cancellationToken, params int[] success)
    {
        using (message)
        {
            Response response = await RestCall.SendAsync(Pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
            if (Array.IndexOf(success, response.Status) < 0) throw Error(response, action, resource);
            return response.Status;
        }
    }

    /// <summary>
    /// Sends the first request of a long-running operation and follows it to its end. Returns the final
    /// response (the resource for PUT/PATCH, the Location answer for POST/DELETE), or <c>null</c> when the
    /// service answered 204: nothing to do or nothing left. With <paramref name="wait"/> false it returns the
    /// service's first answer and leaves the operation running.
    /// </summary>
    protected async ValueTask<Response?> StartOperationAsync(HttpMessage message, FinalStateVia finalState, string action, ArmResourceRef resource, bool async,
        CancellationToken cancellationToken, HttpPipeline? pipeline = null, bool wait = true)
    {
        Uri originalUri = message.Request.Uri.ToUri();
        RequestMethod method = message.Request.Method;
        Response response = await RestCall.SendAsync(pipeline ?? Pipelines.Arm, message, async, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204) return null;
        if (response.Status is not (200 or 201 or 202)) throw Error(response, action, resource);
        if (!wait) return response;
        Response final = await Pipelines.Poller.WaitForCompletionAsync(response, method, originalUri, finalState,
            new OperationCall(action, resource, WorkspaceName), async, cancellationToken).ConfigureAwait(false);
        return final.Status == 204 ? null : final;
    }

    /// <summary>A pager over a list whose first page <paramref name="createFirstPage"/> requests.</summary>
    protected ArmPager<T> Pager<T>(Func<HttpMessage> createFirstPage, JsonTypeInfo<ArmList<T>> typeInfo, ArmResourceRef resource) where T : notnull
        => new(Pipelines.Arm, createFirstPage, r => RestCall.Read(r, typeInfo, $"list {resource}"), r => Error(r, "list", resource));

    /// <summary>The SDK's exception for a failed answer.</summary>
    protected AzureMLException Error(Response response, string action, ArmResourceRef resource)
        => ArmErrors.FromResponse(response, action, resource, WorkspaceName);
}
