using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Datastores;

/// <summary>
/// <c>{ws}/datastores</c>: the default datastore (<c>?isDefault=true</c>), get, list, register (create or
/// update, with a write-only secret) and <c>listSecrets</c>.
/// </summary>
internal sealed class DatastoreRestClient : ArmRestClient
{
    public DatastoreRestClient(AzureMLPipelines pipelines, WorkspaceScope scope) : base(pipelines, scope.ResourceId, scope.WorkspaceName) { }

    internal HttpMessage CreateGetRequest(string name) => CreateRequest(RequestMethod.Get, ScopedUri("datastores", name));

    internal HttpMessage CreateListRequest(bool? isDefault)
    {
        RequestUriBuilder uri = ScopedUri("datastores");
        if (isDefault is { } d) uri.AppendQuery("isDefault", d ? "true" : "false", escapeValue: false);
        return CreateRequest(RequestMethod.Get, uri);
    }

    internal HttpMessage CreateCreateOrUpdateRequest(string name, ArmResource<DatastoreProperties> body, bool skipValidation)
    {
        RequestUriBuilder uri = ScopedUri("datastores", name);
        if (skipValidation) uri.AppendQuery("skipValidation", "true", escapeValue: false);
        HttpMessage message = CreateRequest(RequestMethod.Put, uri, Pipelines.Secrets);
        RestCall.SetJson(message, body, ArmJsonContext.Default.ArmResourceDatastoreProperties);
        return message;
    }

    internal HttpMessage CreateListSecretsRequest(string name)
        => CreateRequest(RequestMethod.Post, ScopedUri("datastores", name, "listSecrets"), Pipelines.Secrets);

    /// <summary>A datastore, or <c>null</c> when there is none of that name.</summary>
    public ValueTask<ArmResource<DatastoreProperties>?> GetAsync(string name, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetRequest(name), ArmJsonContext.Default.ArmResourceDatastoreProperties, Ref(name), async, cancellationToken);

    /// <summary>The workspace's default datastore (normally <c>workspaceblobstore</c>).</summary>
    public async ValueTask<ArmResource<DatastoreProperties>> GetDefaultAsync(bool async, CancellationToken cancellationToken)
    {
        ArmPager<ArmResource<DatastoreProperties>> pager = Pager(() => CreateListRequest(isDefault: true), ArmJsonContext.Default.ArmListArmResourceDatastoreProperties, Ref("default"));
        var page = await pager.GetPageAsync(null, async, cancellationToken).ConfigureAwait(false);
        return page.Values.FirstOrDefault()
            ?? throw new UserErrorException($"Workspace '{WorkspaceName}' has no default datastore. Set one in the studio or register a blob container as default.")
            {
                ErrorCode = AzureMLErrorCode.ResourceNotFound,
            };
    }

    /// <summary>Every datastore, page by page.</summary>
    public ArmPager<ArmResource<DatastoreProperties>> List()
        => Pager(() => CreateListRequest(isDefault: null), ArmJsonContext.Default.ArmListArmResourceDatastoreProperties, Ref("*"));

    /// <summary>Registers or replaces a datastore; its secret travels over the pipeline that never logs content.</summary>
    public ValueTask<ArmResource<DatastoreProperties>> CreateOrUpdateAsync(string name, ArmResource<DatastoreProperties> body, bool skipValidation, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateCreateOrUpdateRequest(name, body, skipValidation), ArmJsonContext.Default.ArmResourceDatastoreProperties, "register", Ref(name), async, cancellationToken, Pipelines.Secrets);

    /// <summary>The datastore's secret (account key or SAS); never logged.</summary>
    public ValueTask<DatastoreSecrets> ListSecretsAsync(string name, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateListSecretsRequest(name), ArmJsonContext.Default.DatastoreSecrets, "list the secrets of", Ref(name), async, cancellationToken, Pipelines.Secrets);

    private static ArmResourceRef Ref(string name) => new(ArmResourceKind.Datastore, name);
}
