using System.Globalization;
using Azure.Storage.Blobs;
using AzureML.Core.Backends.Azure.Datastores;
using AzureML.Core.Backends.Azure.Jobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// The model registry of an Azure workspace (<c>{ws}/models</c>, numbered versions). Files a caller streams go to
/// the default datastore under <c>azureml-models/{name}/{version}/</c>; files of a run are registered where the run
/// stored them (<c>azureml://jobs/{run}/outputs/artifacts/paths/…</c>), without passing through this process.
/// </summary>
internal sealed class AzureModelStore : ModelStore
{
    private const string UploadRoot = "azureml-models";

    private readonly AzureWorkspaceClient _client;
    private readonly AzureDatastoreStore _datastores;
    private readonly AzureArtifactStore _artifacts;

    public AzureModelStore(AzureWorkspaceClient client, AzureDatastoreStore datastores, AzureArtifactStore artifacts)
    {
        _client = client;
        _datastores = datastores;
        _artifacts = artifacts;
    }

    private AssetRestClient<ModelVersionProperties> Models => _client.Models;

    public override async Task<ModelRecord> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        string name = registration.Name;
        ArmResource<AssetContainerProperties>? container = await Models.GetContainerAsync(name, async, cancellationToken).ConfigureAwait(false);
        string version = AssetVersions.Next(container, "model", name);
        (IReadOnlyList<string> files, string filesBase, string modelUri) = registration.RunFiles is { } runFiles
            ? await ReferRunFilesAsync(runFiles, cancellationToken).ConfigureAwait(false)
            : await UploadAsync(registration, version, async, cancellationToken).ConfigureAwait(false);
        ArmResource<ModelVersionProperties> body = ModelConverter.ToResource(registration, modelUri, files, filesBase);
        ArmResource<ModelVersionProperties> created = await Models.CreateOrUpdateVersionAsync(name, version, body, async, cancellationToken).ConfigureAwait(false);
        return ModelConverter.ToRecord(name, created);
    }

    public override async Task<ModelRecord?> GetAsync(string name, int? version, CancellationToken cancellationToken)
        => await GetResourceAsync(name, version, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false) is { } resource ? ModelConverter.ToRecord(name, resource) : null;

    public override IAsyncEnumerable<ModelRecord> ListAsync(ModelQuery query, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        return query.Name is not null ? VersionsAsync(query.Name, query, async, cancellationToken) : AllAsync(query, async, cancellationToken);
    }

    public override async Task<Stream> OpenReadAsync(string name, int version, string file, CancellationToken cancellationToken)
    {
        ArmResource<ModelVersionProperties> resource = await RequireAsync(name, version, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);
        ModelRecord record = ModelConverter.ToRecord(name, resource);
        if (!record.Files.Contains(file, StringComparer.Ordinal)) throw new UserErrorException($"Model '{name}:{version}' has no file '{file}'.") { ErrorCode = AzureMLErrorCode.ResourceNotFound };
        string filesBase = ModelConverter.FilesBase(resource) ?? throw new UserErrorException(
            $"Model '{name}:{version}' was registered by another tool at {record.Url}; this SDK downloads the files of models it registered.")
        {
            ErrorCode = AzureMLErrorCode.NotSupported,
        };

        string Under(string prefix) => filesBase.Length == prefix.Length ? file : filesBase[prefix.Length..].Trim('/') + "/" + file;
        if (TryParseJobArtifact(filesBase, out string? runId, out string? jobPrefix)) return await _artifacts.OpenReadAsync(runId, Under(jobPrefix), cancellationToken).ConfigureAwait(false);
        if (TryParseDatastore(filesBase, out string? datastore, out string? prefix)) return await _datastores.OpenReadAsync(datastore, Under(prefix), cancellationToken).ConfigureAwait(false);
        throw new UserErrorException($"Model '{name}:{version}' keeps its files at '{filesBase}', which this SDK cannot read.") { ErrorCode = AzureMLErrorCode.NotSupported };
    }

    public override async Task<ModelRecord> UpdateTagsAsync(string name, int version, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove,
        CancellationToken cancellationToken)
        => await ChangeAsync(name, version, p =>
        {
            foreach (string key in remove) p.Tags!.Remove(key);
            foreach ((string key, string value) in set) p.Tags![key] = value;
        }, cancellationToken).ConfigureAwait(false);

    public override async Task<ModelRecord> AddPropertiesAsync(string name, int version, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
        => await ChangeAsync(name, version, p =>
        {
            foreach ((string key, string value) in properties)
            {
                if (p.Properties!.TryGetValue(key, out string? existing) && existing != value)
                {
                    throw new UserErrorException($"Model '{name}:{version}' already has the property '{key}' = '{existing}'; properties cannot be changed once set.")
                    {
                        ErrorCode = AzureMLErrorCode.Conflict,
                    };
                }

                p.Properties[key] = value;
            }
        }, cancellationToken).ConfigureAwait(false);

    public override async Task<ModelRecord> UpdateAsync(string name, int version, ModelUpdate update, CancellationToken cancellationToken)
        => await ChangeAsync(name, version, p =>
        {
            if (update.Tags is not null) p.Tags = ArmValues.ToService(update.Tags);
            if (update.Description is not null) p.Description = update.Description;
            if (update.ResourceConfiguration is not null) p.Properties![AssetProperties.ModelResourceConfiguration] = update.ResourceConfiguration.Serialize();
        }, cancellationToken).ConfigureAwait(false);

    public override async Task<bool> DeleteAsync(string name, int version, CancellationToken cancellationToken)
        => await Models.DeleteVersionAsync(name, Text(version), !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);

    private async Task<ModelRecord> ChangeAsync(string name, int version, Action<ModelVersionProperties> change, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        ArmResource<ModelVersionProperties> body = ModelConverter.Writable(await RequireAsync(name, version, async, cancellationToken).ConfigureAwait(false));
        change(body.Properties!);
        ArmResource<ModelVersionProperties> updated = await Models.CreateOrUpdateVersionAsync(name, Text(version), body, async, cancellationToken).ConfigureAwait(false);
        return ModelConverter.ToRecord(name, updated);
    }

    private async Task<ArmResource<ModelVersionProperties>> RequireAsync(string name, int version, bool async, CancellationToken cancellationToken)
        => await GetResourceAsync(name, version, async, cancellationToken).ConfigureAwait(false)
            ?? throw new ModelNotFoundException($"Model '{name}:{version}' was not found in workspace '{_client.Scope.WorkspaceName}'; it may have been deleted.", name, version);

    private async Task<ArmResource<ModelVersionProperties>?> GetResourceAsync(string name, int? version, bool async, CancellationToken cancellationToken)
    {
        string? wanted = version is int v ? Text(v) : (await Models.GetContainerAsync(name, async, cancellationToken).ConfigureAwait(false))?.Properties?.LatestVersion;
        return wanted is null ? null : await Models.GetVersionAsync(name, wanted, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The versions of one name, newest first, filtered by the service on tags and here on the rest.</summary>
    private async IAsyncEnumerable<ModelRecord> VersionsAsync(string name, ModelQuery query, bool async,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new AssetListOptions { OrderBy = "createdtime desc", Tags = TagFilter(query.Tags) };
        await foreach (ArmResource<ModelVersionProperties> resource in Models.ListVersions(name, options).EnumerateAsync(async, cancellationToken).ConfigureAwait(false))
        {
            if (ArmValues.IntVersion(resource.Name) is null) continue;
            ModelRecord record = ModelConverter.ToRecord(name, resource);
            if (!Matches(query, record)) continue;
            yield return record;
            if (query.Latest) yield break;
        }
    }

    private async IAsyncEnumerable<ModelRecord> AllAsync(ModelQuery query, bool async, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool latestOnly = query.Latest && query.RunId is null && query.Framework is null && query.Tags is null && query.Properties is null;
        await foreach (ArmResource<AssetContainerProperties> container in Models.ListContainers().EnumerateAsync(async, cancellationToken).ConfigureAwait(false))
        {
            if (container.Name is not { } name) continue;
            if (latestOnly)
            {
                // The container names its latest version: one read per name instead of a listing.
                if (ArmValues.IntVersion(container.Properties?.LatestVersion) is int latest
                    && await Models.GetVersionAsync(name, Text(latest), async, cancellationToken).ConfigureAwait(false) is { } resource)
                {
                    yield return ModelConverter.ToRecord(name, resource);
                }

                continue;
            }

            await foreach (ModelRecord record in VersionsAsync(name, query, async, cancellationToken).ConfigureAwait(false)) yield return record;
        }
    }

    private static bool Matches(ModelQuery query, ModelRecord record)
        => (query.RunId is null || record.RunId == query.RunId)
        && (query.Framework is null || string.Equals(record.Framework, query.Framework, StringComparison.OrdinalIgnoreCase))
        && query.Matches(record);

    // The service's tag filter: "key" or "key=value", comma-separated.
    private static string? TagFilter(IReadOnlyDictionary<string, string?>? tags)
        => tags is null || tags.Count == 0 ? null : string.Join(",", tags.Select(t => t.Value is null ? t.Key : $"{t.Key}={t.Value}"));

    private async Task<(IReadOnlyList<string>, string, string)> ReferRunFilesAsync(RunFilesReference runFiles, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string RunFile, string ModelFile)> selected = await RunModelFiles.SelectAsync(_artifacts, runFiles, cancellationToken).ConfigureAwait(false);
        string path = runFiles.Path.TrimEnd('/');
        int slash = path.LastIndexOf('/');
        string parent = slash < 0 ? "" : path[..slash];
        bool isFile = selected.Count == 1 && selected[0].RunFile == path;
        return (selected.Select(s => s.ModelFile).ToList(), AzureArtifactStore.ArtifactUri(runFiles.RunId, parent), AzureArtifactStore.ArtifactUri(runFiles.RunId, path) + (isFile ? "" : "/"));
    }

    private async Task<(IReadOnlyList<string>, string, string)> UploadAsync(ModelRegistration registration, string version, bool async, CancellationToken cancellationToken)
    {
        if (registration.Files.Count == 0) throw new UserErrorException($"Model '{registration.Name}' has no files to register.");
        string datastore = (await _datastores.GetDefaultAsync(cancellationToken).ConfigureAwait(false)).Name;
        BlobContainerClient container = await _datastores.ContainerAsync(datastore, async, cancellationToken).ConfigureAwait(false);
        string folder = $"{UploadRoot}/{registration.Name}/{version}";

        // A registration that failed half-way left files under a number that was never registered; they are replaced.
        foreach (ModelFileSource file in registration.Files)
        {
            await using Stream content = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
            await _client.Blobs.UploadStreamAsync(container, $"{folder}/{file.Name}", content, overwrite: true, async, cancellationToken).ConfigureAwait(false);
        }

        string[] names = registration.Files.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
        string root = names[0].Split('/')[0];
        bool isFile = names.Length == 1 && names[0] == root;
        return (names, $"azureml://datastores/{datastore}/paths/{folder}", _client.Scope.DatastoreUri(datastore, $"{folder}/{root}") + (isFile ? "" : "/"));
    }

    private static bool TryParseJobArtifact(string uri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? runId,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? prefix)
    {
        const string start = "azureml://jobs/";
        const string marker = "/outputs/artifacts/paths/";
        runId = prefix = null;
        if (!uri.StartsWith(start, StringComparison.Ordinal)) return false;
        int at = uri.IndexOf(marker, start.Length, StringComparison.Ordinal);
        string rest = at < 0 ? uri[start.Length..] : uri[start.Length..at];
        if (rest.Length == 0 || rest.Contains('/')) return false;
        runId = rest;
        prefix = at < 0 ? uri : uri[..(at + marker.Length)];
        return true;
    }

    private static bool TryParseDatastore(string uri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? datastore,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? prefix)
    {
        const string marker = "/datastores/";
        datastore = prefix = null;
        if (!uri.StartsWith("azureml://", StringComparison.Ordinal)) return false;
        int at = uri.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return false;
        int paths = uri.IndexOf("/paths/", at + marker.Length, StringComparison.Ordinal);
        if (paths < 0) return false;
        datastore = uri[(at + marker.Length)..paths];
        prefix = uri[..(paths + "/paths/".Length)];
        return datastore.Length > 0;
    }

    private static string Text(int version) => version.ToString(CultureInfo.InvariantCulture);
}
