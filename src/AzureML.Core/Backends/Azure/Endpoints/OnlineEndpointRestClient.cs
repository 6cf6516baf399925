using Azure;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary>
/// <c>{ws}/onlineEndpoints</c> (pattern C): create or update (also how traffic changes: GET, set traffic,
/// PUT), get, list, delete, <c>listKeys</c> and <c>regenerateKeys</c>.
/// </summary>
internal sealed class OnlineEndpointRestClient : ArmRestClient
{
    public OnlineEndpointRestClient(AzureMLPipelines pipelines, WorkspaceScope scope) : base(pipelines, scope.ResourceId, scope.WorkspaceName) { }

    internal HttpMessage CreateGetRequest(string name) => CreateRequest(RequestMethod.Get, ScopedUri("onlineEndpoints", name));

    internal HttpMessage CreateListRequest(string? tags)
    {
        RequestUriBuilder uri = ScopedUri("onlineEndpoints");
        if (tags is not null) uri.AppendQuery("tags", tags, escapeValue: true);
        return CreateRequest(RequestMethod.Get, uri);
    }

    internal HttpMessage CreateCreateOrUpdateRequest(string name, ArmResource<OnlineEndpointProperties> body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Put, ScopedUri("onlineEndpoints", name));
        RestCall.SetJson(message, body, ArmJsonContext.Default.ArmResourceOnlineEndpointProperties);
        return message;
    }

    internal HttpMessage CreateDeleteRequest(string name) => CreateRequest(RequestMethod.Delete, ScopedUri("onlineEndpoints", name));

    internal HttpMessage CreateListKeysRequest(string name) => CreateRequest(RequestMethod.Post, ScopedUri("onlineEndpoints", name, "listKeys"), Pipelines.Secrets);

    internal HttpMessage CreateRegenerateKeysRequest(string name, RegenerateKeysRequest body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Post, ScopedUri("onlineEndpoints", name, "regenerateKeys"), Pipelines.Secrets);
        RestCall.SetJson(message, body, ArmJsonContext.Default.RegenerateKeysRequest);
        return message;
    }

    /// <summary>The endpoint, or <c>null</c> when there is none of that name.</summary>
    public ValueTask<ArmResource<OnlineEndpointProperties>?> GetAsync(string name, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetRequest(name), ArmJsonContext.Default.ArmResourceOnlineEndpointProperties, Ref(name), async, cancellationToken);

    /// <summary>Every endpoint (with <paramref name="tags"/>, comma-separated <c>key</c> or <c>key=value</c>, those carrying them), page by page.</summary>
    public ArmPager<ArmResource<OnlineEndpointProperties>> List(string? tags = null)
        => Pager(() => CreateListRequest(tags), ArmJsonContext.Default.ArmListArmResourceOnlineEndpointProperties, Ref("*"));

    /// <summary>Creates or replaces the endpoint and waits for it to be provisioned.</summary>
    public async ValueTask<ArmResource<OnlineEndpointProperties>> CreateOrUpdateAsync(string name, ArmResource<OnlineEndpointProperties> body, bool async, CancellationToken cancellationToken)
    {
        Response final = await StartOperationAsync(CreateCreateOrUpdateRequest(name, body), FinalStateVia.OriginalUri, "create", Ref(name), async, cancellationToken).ConfigureAwait(false)
            ?? throw new WebserviceException($"Creating online endpoint '{name}' returned no endpoint.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
        return RestCall.Read(final, ArmJsonContext.Default.ArmResourceOnlineEndpointProperties, $"create online endpoint '{name}'");
    }

    /// <summary>Deletes the endpoint and its deployments and waits until they are gone; a missing endpoint is not an error.</summary>
    public async ValueTask DeleteAsync(string name, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await StartOperationAsync(CreateDeleteRequest(name), FinalStateVia.Location, "delete", Ref(name), async, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureMLException ex) when (ex.Status == 404)
        {
            // Delete is a no-op for a missing resource.
        }
    }

    /// <summary>The endpoint's keys; never logged.</summary>
    public ValueTask<EndpointAuthKeys> ListKeysAsync(string name, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateListKeysRequest(name), ArmJsonContext.Default.EndpointAuthKeys, "list the keys of", Ref(name), async, cancellationToken, Pipelines.Secrets);

    /// <summary>Replaces the <c>Primary</c> or <c>Secondary</c> key (with <paramref name="keyValue"/>, or a generated one) and waits until it is in effect.</summary>
    public async ValueTask RegenerateKeysAsync(string name, string keyType, string? keyValue, bool async, CancellationToken cancellationToken)
        => await StartOperationAsync(CreateRegenerateKeysRequest(name, new RegenerateKeysRequest { KeyType = keyType, KeyValue = keyValue }),
            FinalStateVia.Location, "regenerate a key of", Ref(name), async, cancellationToken, Pipelines.Secrets).ConfigureAwait(false);

    private static ArmResourceRef Ref(string name) => new(ArmResourceKind.OnlineEndpoint, name);
}
