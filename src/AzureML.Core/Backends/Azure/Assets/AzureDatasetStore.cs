using AzureML.Core.Backends.Azure.Jobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>
/// Datasets of an Azure workspace as data assets (<c>{ws}/data</c>, numbered versions): the data's address is the
/// asset's URI (a datastore path or a URL); the SDK's definition (parsing, steps) rides in its properties.
/// </summary>
internal sealed class AzureDatasetStore : DatasetStore
{
    private readonly AzureWorkspaceClient _client;

    public AzureDatasetStore(AzureWorkspaceClient client) => _client = client;

    private AssetRestClient<DataVersionProperties> Data => _client.Data;

    public override async Task<DatasetRecord> RegisterAsync(DatasetRegistration registration, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        (string uri, bool singleFile) = DataUri(registration);
        ArmResource<AssetContainerProperties>? container = await Data.GetContainerAsync(registration.Name, async, cancellationToken).ConfigureAwait(false);
        if (container?.Properties?.LatestVersion is { } latestVersion
            && await Data.GetVersionAsync(registration.Name, latestVersion, async, cancellationToken).ConfigureAwait(false) is { } latest)
        {
            DatasetRecord current = DatasetConverter.ToRecord(registration.Name, latest);
            if (current.DefinitionJson == registration.DefinitionJson && current.DatasetType == registration.DatasetType) return current;
            if (!registration.CreateNewVersion)
            {
                throw new UserErrorException(
                    $"A dataset named '{registration.Name}' is already registered (latest version {latestVersion}) with a different definition. " +
                    "Pass createNewVersion: true to register this one as the next version, or choose another name.")
                {
                    ErrorCode = AzureMLErrorCode.Conflict,
                };
            }
        }

        string version = AssetVersions.Next(container, "dataset", registration.Name);
        ArmResource<DataVersionProperties> created = await Data.CreateOrUpdateVersionAsync(registration.Name, version,
            DatasetConverter.ToResource(registration, uri, singleFile), async, cancellationToken).ConfigureAwait(false);
        return DatasetConverter.ToRecord(registration.Name, created);
    }

    public override async Task<DatasetRecord?> GetAsync(string name, long? version, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        string? wanted = version?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? (await Data.GetContainerAsync(name, async, cancellationToken).ConfigureAwait(false))?.Properties?.LatestVersion;
        if (wanted is null) return null;
        return await Data.GetVersionAsync(name, wanted, async, cancellationToken).ConfigureAwait(false) is { } resource ? DatasetConverter.ToRecord(name, resource) : null;
    }

    /// <summary>An id is the data version's resource id (<c>…/data/{name}/versions/{version}</c>) or <c>name:version</c>.</summary>
    public override async Task<DatasetRecord?> GetByIdAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out string? name, out long version)) return null;
        return await GetAsync(name, version, cancellationToken).ConfigureAwait(false);
    }

    public override IAsyncEnumerable<DatasetRecord> ListAsync(CancellationToken cancellationToken) => LatestOfEachAsync(!SynchronousCall.IsActive, cancellationToken);

    public override async Task<int> UnregisterAllVersionsAsync(string name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        List<string> versions = await Data.ListVersions(name).EnumerateAsync(async, cancellationToken).Select(v => v.Name).OfType<string>()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        int deleted = 0;
        foreach (string version in versions)
        {
            if (await Data.DeleteVersionAsync(name, version, async, cancellationToken).ConfigureAwait(false)) deleted++;
        }

        return deleted;
    }

    /// <summary>The job's inputs that name data assets (<c>azureml:{name}:{version}</c>), by input name, with the address the job received.</summary>
    public override async Task<IReadOnlyList<RunInputRecord>> GetRunInputsAsync(string runId, CancellationToken cancellationToken)
    {
        ArmResource<JobProperties>? job = await _client.Jobs.GetAsync(runId, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false);
        if (job?.Properties?.Inputs is not { } inputs) return Array.Empty<RunInputRecord>();
        return inputs
            .Where(i => i.Value.Uri is not null)
            .Select(i => new RunInputRecord(i.Key, AssetId(i.Value.Uri!), JobConverter.Mechanism(i.Value.Mode), i.Value.Uri!))
            .ToList();
    }

    /// <summary>
    /// A run's dataset input as a job input naming the registered data asset version (<c>azureml:{name}:{version}</c>);
    /// a dataset that is not registered cannot be given to a job on Azure.
    /// </summary>
    public async Task<Jobs.JobInput> ToJobInputAsync(DatasetInput input, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        DatasetRecord? dataset = input.DatasetId is { } id ? await GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
            : input.DatasetName is { } name ? await GetAsync(name, input.DatasetVersion is { } v && long.TryParse(v, out long n) ? n : null, cancellationToken).ConfigureAwait(false)
            : null;
        if (dataset is null)
        {
            throw new UserErrorException(
                $"The dataset input '{input.Name}' is not a registered dataset of workspace '{_client.Scope.WorkspaceName}'; a job on Azure receives registered data assets. " +
                "Register it first with dataset.Register(ws, name).")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        string version = dataset.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ArmResource<DataVersionProperties>? resource = await Data.GetVersionAsync(dataset.Name, version, async, cancellationToken).ConfigureAwait(false);
        return JobConverter.ToJobInput(input, $"azureml:{dataset.Name}:{version}", singleFile: resource?.Properties?.DataType == "uri_file");
    }

    private string? AssetId(string uri)
        => uri.StartsWith("azureml:", StringComparison.Ordinal) && !uri.StartsWith("azureml://", StringComparison.Ordinal) && uri.Split(':') is [_, var name, var version]
            ? _client.Scope.AssetVersionId("data", name, version)
            : null;

    private async IAsyncEnumerable<DatasetRecord> LatestOfEachAsync(bool async, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ArmResource<AssetContainerProperties> container in Data.ListContainers().EnumerateAsync(async, cancellationToken).ConfigureAwait(false))
        {
            if (container.Name is not { } name || container.Properties?.LatestVersion is not { } latest) continue;
            if (await Data.GetVersionAsync(name, latest, async, cancellationToken).ConfigureAwait(false) is { } resource) yield return DatasetConverter.ToRecord(name, resource);
        }
    }

    /// <summary>The data's address: its one datastore path or URL. Files on this machine must be uploaded first.</summary>
    private static (string Uri, bool SingleFile) DataUri(DatasetRegistration registration)
    {
        DatasetDefinition definition = DatasetDefinition.FromJson(registration.DefinitionJson, $"the definition of dataset '{registration.Name}'");
        DatasetSource? remote = definition.Sources.FirstOrDefault(s => s.Kind is DatasetSource.DatastoreKind or DatasetSource.UrlKind);
        if (remote is null || definition.Sources.Any(s => s.Kind is DatasetSource.LocalKind or DatasetSource.TabularKind))
        {
            throw new UserErrorException(
                $"Dataset '{registration.Name}' reads files on this machine, which an Azure workspace cannot reach. Upload them first " +
                "(ws.GetDefaultDatastore().Upload(...)) and create the dataset from the datastore path, or from a URL.")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        if (remote.Kind == DatasetSource.UrlKind) return (remote.Path!, !remote.Path!.EndsWith('/'));
        var glob = new PathGlob(remote.Path!);
        bool folder = definition.Sources.Count > 1 || glob.Base != remote.Path!.Replace('\\', '/') || remote.Path!.EndsWith('/') || !Path.HasExtension(glob.Base);
        return ($"azureml://datastores/{remote.Datastore}/paths/{(folder ? glob.Base.TrimEnd('/') + "/" : glob.Base)}", !folder);
    }

    private static bool TryParseId(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name, out long version)
    {
        name = null;
        version = 0;
        string[] parts = id.Contains('/') ? id.TrimEnd('/').Split('/') : id.Split(':');
        if (id.Contains('/'))
        {
            if (parts.Length < 4 || parts[^2] != "versions" || parts[^4] != "data") return false;
            name = parts[^3];
            return long.TryParse(parts[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
        }

        if (parts.Length != 2) return false;
        name = parts[0];
        return long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }
}
