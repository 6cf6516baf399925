using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Datastores;

/// <summary>
/// Datastores of an Azure workspace (<c>{ws}/datastores</c>) and their files, moved with Azure.Storage.Blobs through
/// the workspace's pipelines. A datastore's secret (<c>listSecrets</c>) is read once per datastore and kept only in
/// the container client; it is never logged or put in a record.
/// </summary>
internal sealed class AzureDatastoreStore : DatastoreStore
{
    private readonly AzureWorkspaceClient _client;
    private readonly ConcurrentDictionary<string, BlobContainerClient> _containers = new(StringComparer.Ordinal);

    public AzureDatastoreStore(AzureWorkspaceClient client) => _client = client;

    private DatastoreRestClient Datastores => _client.Datastores;

    public override async Task<DatastoreRecord> RegisterAsync(DatastoreRecord record, string? secret, bool overwrite, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        if (!overwrite && await Datastores.GetAsync(record.Name, async, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new UserErrorException($"A datastore named '{record.Name}' is already registered. Pass overwrite: true to replace it, or choose another name.")
            {
                ErrorCode = AzureMLErrorCode.Conflict,
                Status = 409,
            };
        }

        bool skipValidation = record.Settings.TryGetValue("skipValidation", out string? skip) && skip == "true";
        ArmResource<DatastoreProperties> registered = await Datastores.CreateOrUpdateAsync(record.Name, DatastoreConverter.ToBlobResource(record, secret), skipValidation,
            async, cancellationToken).ConfigureAwait(false);
        _containers.TryRemove(record.Name, out _);
        return DatastoreConverter.ToRecord(registered);
    }

    public override async Task<DatastoreRecord?> GetAsync(string name, CancellationToken cancellationToken)
        => await Datastores.GetAsync(name, !SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false) is { } resource ? DatastoreConverter.ToRecord(resource) : null;

    public override IAsyncEnumerable<DatastoreRecord> ListAsync(CancellationToken cancellationToken)
        => Datastores.List().EnumerateAsync(!SynchronousCall.IsActive, cancellationToken).Select(DatastoreConverter.ToRecord);

    public override async Task<DatastoreRecord> GetDefaultAsync(CancellationToken cancellationToken)
        => DatastoreConverter.ToRecord(await Datastores.GetDefaultAsync(!SynchronousCall.IsActive, cancellationToken).ConfigureAwait(false));

    public override async Task<FileTransferSummary> UploadAsync(string datastore, IReadOnlyList<DatastoreFileCopy> files, bool overwrite,
        IProgress<DatastoreTransferProgress>? progress, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(datastore, async, cancellationToken).ConfigureAwait(false);
        return await _client.Blobs.UploadAsync(container, files, overwrite, progress, async, cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<DatastoreFileInfo> ListFilesAsync(string datastore, string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(datastore, async, cancellationToken).ConfigureAwait(false);
        string folder = prefix.TrimEnd('/');
        await foreach (DatastoreFileInfo file in _client.Blobs.EnumerateAsync(container, folder, async, cancellationToken).ConfigureAwait(false))
        {
            // A blob prefix also matches 'data2/…' for 'data'; the seam means the file or the folder itself.
            if (folder.Length == 0 || file.Path == folder || file.Path.StartsWith(folder + "/", StringComparison.Ordinal)) yield return file;
        }
    }

    public override async Task<Stream> OpenReadAsync(string datastore, string path, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(datastore, async, cancellationToken).ConfigureAwait(false);
        return await _client.Blobs.OpenReadAsync(container, path, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The container client of a blob datastore, signed with its account key or SAS, or with the caller's identity.</summary>
    internal async ValueTask<BlobContainerClient> ContainerAsync(string datastore, bool async, CancellationToken cancellationToken)
    {
        if (_containers.TryGetValue(datastore, out BlobContainerClient? known)) return known;
        ArmResource<DatastoreProperties> resource = await Datastores.GetAsync(datastore, async, cancellationToken).ConfigureAwait(false)
            ?? throw new UserErrorException($"Datastore '{datastore}' is not registered in workspace '{_client.Scope.WorkspaceName}'.") { ErrorCode = AzureMLErrorCode.ResourceNotFound };
        DatastoreRecord record = DatastoreConverter.ToRecord(resource);
        if (record.Kind != DatastoreRecord.AzureBlobKind)
        {
            throw new UserErrorException($"Datastore '{datastore}' is a {record.Kind} datastore; this SDK reads and writes files of Azure blob datastores only.")
            {
                ErrorCode = AzureMLErrorCode.NotSupported,
            };
        }

        Uri uri = DatastoreConverter.ContainerUri(record);
        BlobContainerClient container;
        switch (record.CredentialType)
        {
            case "AccountKey":
                DatastoreSecrets key = await Datastores.ListSecretsAsync(datastore, async, cancellationToken).ConfigureAwait(false);
                container = _client.Blobs.ContainerWithKey(uri, record.Settings[DatastoreConverter.AccountName]!, key.Key ?? throw NoSecret(datastore, "an account key"));
                break;
            case "Sas":
                DatastoreSecrets sas = await Datastores.ListSecretsAsync(datastore, async, cancellationToken).ConfigureAwait(false);
                container = _client.Blobs.ContainerFromSas(new UriBuilder(uri) { Query = (sas.SasToken ?? throw NoSecret(datastore, "a SAS token")).TrimStart('?') }.Uri);
                break;
            default:
                container = _client.Blobs.ContainerWithIdentity(uri);
                break;
        }

        return _containers.GetOrAdd(datastore, container);
    }

    private static AzureMLException NoSecret(string datastore, string what)
        => new($"The service returned no {what} for datastore '{datastore}'.") { ErrorCode = AzureMLErrorCode.UnexpectedResponse };
}
