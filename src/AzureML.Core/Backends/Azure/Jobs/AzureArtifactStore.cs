using Azure.Storage.Blobs;
using AzureML.Core.Backends.Azure.Datastores;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>
/// Run files on Azure: the blobs under <c>ExperimentRun/dcid.{runId}/</c> of the workspace's artifact datastore,
/// where a job's <c>./outputs</c> and <c>./logs</c> and the run's uploads land.
/// </summary>
internal sealed class AzureArtifactStore : ArtifactStore
{
    /// <summary>The datastore every workspace has for run files.</summary>
    public const string ArtifactDatastore = "workspaceartifactstore";

    private readonly AzureDatastoreStore _datastores;
    private readonly Blobs.BlobTransfer _blobs;

    public AzureArtifactStore(AzureDatastoreStore datastores, Blobs.BlobTransfer blobs)
    {
        _datastores = datastores;
        _blobs = blobs;
    }

    /// <summary>The blob prefix of a run's files.</summary>
    public static string RunPrefix(string runId) => $"ExperimentRun/dcid.{runId}/";

    /// <summary>The address the service gives a run's file or folder: <c>azureml://jobs/{run}/outputs/artifacts/paths/{path}</c>.</summary>
    public static string ArtifactUri(string runId, string path) => $"azureml://jobs/{runId}/outputs/artifacts/paths/{path}";

    public override async IAsyncEnumerable<string> ListAsync(string runId, string? prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(async, cancellationToken).ConfigureAwait(false);
        string root = RunPrefix(runId);
        await foreach (DatastoreFileInfo file in _blobs.EnumerateAsync(container, root + prefix, async, cancellationToken).ConfigureAwait(false))
        {
            yield return file.Path[root.Length..];
        }
    }

    public override async Task<Stream> OpenReadAsync(string runId, string name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            return await _blobs.OpenReadAsync(container, RunPrefix(runId) + name, async, cancellationToken).ConfigureAwait(false);
        }
        catch (UserErrorException ex) when (ex.ErrorCode == AzureMLErrorCode.ResourceNotFound)
        {
            throw new UserErrorException($"Run '{runId}' has no file '{name}'. Run.GetFileNames() lists the files it has.", ex) { ErrorCode = AzureMLErrorCode.ResourceNotFound };
        }
    }

    public override async Task UploadAsync(string runId, string name, Stream content, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(async, cancellationToken).ConfigureAwait(false);
        try
        {
            await _blobs.UploadStreamAsync(container, RunPrefix(runId) + name, content, overwrite: false, async, cancellationToken).ConfigureAwait(false);
        }
        catch (UserErrorException ex) when (ex.ErrorCode == AzureMLErrorCode.Conflict)
        {
            throw new UserErrorException($"Run '{runId}' already has a file '{name}'; artifact names are write-once.", ex) { ErrorCode = AzureMLErrorCode.Conflict };
        }
    }

    public override async Task<long?> GetSizeAsync(string runId, string name, CancellationToken cancellationToken)
    {
        bool async = !SynchronousCall.IsActive;
        BlobContainerClient container = await ContainerAsync(async, cancellationToken).ConfigureAwait(false);
        return await _blobs.GetSizeAsync(container, RunPrefix(runId) + name, async, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<BlobContainerClient> ContainerAsync(bool async, CancellationToken cancellationToken)
        => _datastores.ContainerAsync(ArtifactDatastore, async, cancellationToken);
}
