using System.Text.Json.Serialization.Metadata;
using Azure.Core;
using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// One kind of versioned asset (mfe.json <c>codes</c>, <c>environments</c>, <c>models</c>, <c>data</c>) in a
/// workspace or a registry: containers with their latest and next version, and versions. Workspace-scoped
/// PUTs are synchronous (pattern D).
/// </summary>
internal class AssetRestClient<TVersion> : ArmRestClient where TVersion : class
{
    private readonly string _collection;
    private readonly ArmResourceKind _kind;
    private readonly JsonTypeInfo<ArmResource<TVersion>> _version;
    private readonly JsonTypeInfo<ArmList<ArmResource<TVersion>>> _versions;

    public AssetRestClient(AzureMLPipelines pipelines, string scopeId, string? workspaceName, string collection, ArmResourceKind kind,
        JsonTypeInfo<ArmResource<TVersion>> version, JsonTypeInfo<ArmList<ArmResource<TVersion>>> versions, Uri? endpoint = null, string? apiVersion = null)
        : base(pipelines, scopeId, workspaceName, endpoint, apiVersion)
    {
        _collection = collection;
        _kind = kind;
        _version = version;
        _versions = versions;
    }

    internal HttpMessage CreateGetContainerRequest(string name) => CreateRequest(RequestMethod.Get, ScopedUri(_collection, name));

    internal HttpMessage CreateListContainersRequest(string? listViewType)
    {
        RequestUriBuilder uri = ScopedUri(_collection);
        if (listViewType is not null) uri.AppendQuery("listViewType", listViewType, escapeValue: true);
        return CreateRequest(RequestMethod.Get, uri);
    }

    internal HttpMessage CreateGetVersionRequest(string name, string version) => CreateRequest(RequestMethod.Get, ScopedUri(_collection, name, "versions", version));

    internal HttpMessage CreateCreateOrUpdateVersionRequest(string name, string version, ArmResource<TVersion> body)
    {
        HttpMessage message = CreateRequest(RequestMethod.Put, ScopedUri(_collection, name, "versions", version));
        RestCall.SetJson(message, body, _version);
        return message;
    }

    internal HttpMessage CreateListVersionsRequest(string name, AssetListOptions? options)
    {
        RequestUriBuilder uri = ScopedUri(_collection, name, "versions");
        if (options?.OrderBy is { } orderBy) uri.AppendQuery("$orderBy", orderBy, escapeValue: true);
        if (options?.Top is { } top) uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
        if (options?.Tags is { } tags) uri.AppendQuery("tags", tags, escapeValue: true);
        if (options?.ListViewType is { } view) uri.AppendQuery("listViewType", view, escapeValue: true);
        return CreateRequest(RequestMethod.Get, uri);
    }

    internal HttpMessage CreateDeleteVersionRequest(string name, string version) => CreateRequest(RequestMethod.Delete, ScopedUri(_collection, name, "versions", version));

    /// <summary>The container (with <c>latestVersion</c> and <c>nextVersion</c>), or <c>null</c> when the name has no versions.</summary>
    public ValueTask<ArmResource<AssetContainerProperties>?> GetContainerAsync(string name, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetContainerRequest(name), ArmJsonContext.Default.ArmResourceAssetContainerProperties, Ref(name), async, cancellationToken);

    /// <summary>Every container, page by page.</summary>
    public ArmPager<ArmResource<AssetContainerProperties>> ListContainers(string? listViewType = null)
        => Pager(() => CreateListContainersRequest(listViewType), ArmJsonContext.Default.ArmListArmResourceAssetContainerProperties, Ref("*"));

    /// <summary>A version, or <c>null</c> when it does not exist.</summary>
    public ValueTask<ArmResource<TVersion>?> GetVersionAsync(string name, string version, bool async, CancellationToken cancellationToken)
        => GetOrNullAsync(CreateGetVersionRequest(name, version), _version, Ref(name, version), async, cancellationToken);

    /// <summary>Creates the version (201) or updates its mutable fields (200).</summary>
    public ValueTask<ArmResource<TVersion>> CreateOrUpdateVersionAsync(string name, string version, ArmResource<TVersion> body, bool async, CancellationToken cancellationToken)
        => SendAsync(CreateCreateOrUpdateVersionRequest(name, version, body), _version, "create", Ref(name, version), async, cancellationToken);

    /// <summary>The versions of a name, page by page, filtered and ordered by the service.</summary>
    public ArmPager<ArmResource<TVersion>> ListVersions(string name, AssetListOptions? options = null)
        => Pager(() => CreateListVersionsRequest(name, options), _versions, Ref(name));

    /// <summary>Deletes a version; false when it did not exist.</summary>
    public async ValueTask<bool> DeleteVersionAsync(string name, string version, bool async, CancellationToken cancellationToken)
    {
        try
        {
            return await SendNoContentAsync(CreateDeleteVersionRequest(name, version), "delete", Ref(name, version), async, cancellationToken, 200, 204).ConfigureAwait(false) == 200;
        }
        catch (AzureMLException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>The resource a call is about, for errors.</summary>
    protected ArmResourceRef Ref(string name, string? version = null) => new(_kind, name, version);
}
