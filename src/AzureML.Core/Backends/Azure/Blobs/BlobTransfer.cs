using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;

namespace AzureML.Core.Backends.Azure.Blobs;

/// <summary>
/// Moves files to and from a blob container through Azure.Storage.Blobs with the connection's transport, retries
/// and diagnostics: files in parallel, each file's blocks in parallel, an MD5 on every block and of every
/// whole file (stored as the blob's <c>Content-MD5</c> and checked on download).
/// </summary>
/// <remarks>
/// A file appears in the container only when all its blocks have arrived: uncommitted blocks of a failed
/// upload are never committed. A download is written to a temporary file and moved into place only once its
/// MD5 matches, so no half-written or corrupt file is left behind.
/// </remarks>
internal sealed class BlobTransfer
{
    private readonly AzureMLPipelines _pipelines;

    public BlobTransfer(AzureMLPipelines pipelines) => _pipelines = pipelines;

    /// <summary>A container client from a container SAS URI (as <c>startPendingUpload</c> hands out); the SAS is never logged.</summary>
    public BlobContainerClient ContainerFromSas(Uri containerSasUri) => new(containerSasUri, _pipelines.CreateBlobClientOptions());

    /// <summary>A container client that signs in as the workspace's caller (a datastore registered without a secret).</summary>
    public BlobContainerClient ContainerWithIdentity(Uri containerUri) => new(containerUri, _pipelines.Credential, _pipelines.CreateBlobClientOptions());

    /// <summary>A container client with an account key (a datastore's <c>listSecrets</c>).</summary>
    public BlobContainerClient ContainerWithKey(Uri containerUri, string accountName, string accountKey)
        => new(containerUri, new StorageSharedKeyCredential(accountName, accountKey), _pipelines.CreateBlobClientOptions());

    /// <summary>
    /// Uploads <paramref name="files"/> to <paramref name="container"/> under their <see cref="DatastoreFileCopy.PathOnDatastore"/>.
    /// Existing blobs are replaced with <paramref name="overwrite"/>, else left alone and counted as skipped.
    /// </summary>
    /// <exception cref="AzureMLException">A file could not be uploaded after the pipeline's retries; its name is in the message.</exception>
    public async Task<FileTransferSummary> UploadAsync(BlobContainerClient container, IReadOnlyList<DatastoreFileCopy> files, bool overwrite,
        IProgress<DatastoreTransferProgress>? progress, CancellationToken cancellationToken)
    {
        AzureMLClientOptions options = _pipelines.Options;
        long total = files.Sum(f => new FileInfo(f.LocalPath).Length);
        var tally = new Tally(files.Count, total, progress);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.BlobTransferConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(files, parallel, async (file, ct) =>
        {
            bool uploaded = await UploadOneAsync(container, file, overwrite, tally, ct).ConfigureAwait(false);
            tally.FileDone(new FileInfo(file.LocalPath).Length, skipped: !uploaded);
        }).ConfigureAwait(false);
        return tally.Summary();
    }

    /// <summary>
    /// Downloads one blob to <paramref name="localPath"/>, verifying its stored MD5 when it has one. The file is
    /// replaced only after the whole content has arrived and matched.
    /// </summary>
    public async Task<long> DownloadAsync(BlobContainerClient container, string blobName, string localPath, CancellationToken cancellationToken)
    {
        BlobClient blob = container.GetBlobClient(blobName);
        string folder = Path.GetDirectoryName(Path.GetFullPath(localPath))!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(localPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            await blob.DownloadToAsync(temp, new BlobDownloadToOptions { TransferOptions = TransferOptions(_pipelines.Options) }, cancellationToken).ConfigureAwait(false);
            if (properties.ContentHash is { Length: > 0 } expected)
            {
                byte[] actual = await Md5Async(temp, cancellationToken).ConfigureAwait(false);
                if (!actual.AsSpan().SequenceEqual(expected))
                {
                    throw new AzureMLException($"The download of '{blobName}' from {RestCall.Redact(container.Uri)} does not match its MD5 " +
                        $"({Convert.ToBase64String(actual)} instead of {Convert.ToBase64String(expected)}); nothing was written to '{localPath}'.")
                    {
                        ErrorCode = AzureMLErrorCode.TransferFailed,
                    };
                }
            }

            File.Move(temp, localPath, overwrite: true);
            return properties.ContentLength;
        }
        catch (RequestFailedException ex)
        {
            throw Failed("download", blobName, container, ex);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The blobs under <paramref name="prefix"/> with their sizes, sorted by name.</summary>
    public async Task<IReadOnlyList<DatastoreFileInfo>> ListAsync(BlobContainerClient container, string prefix, CancellationToken cancellationToken)
    {
        var files = new List<DatastoreFileInfo>();
        await foreach (DatastoreFileInfo file in EnumerateAsync(container, prefix, async: true, cancellationToken).ConfigureAwait(false)) files.Add(file);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// The blobs under <paramref name="prefix"/> with their sizes, in the service's order (by name), page by page as
    /// enumerated; with <paramref name="async"/> false each page is read synchronously.
    /// </summary>
    public async IAsyncEnumerable<DatastoreFileInfo> EnumerateAsync(BlobContainerClient container, string prefix, bool async,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? from = string.IsNullOrEmpty(prefix) ? null : prefix;
        string? continuation = null;
        do
        {
            Page<BlobItem> page;
            try
            {
                page = async
                    ? await FirstAsync(container.GetBlobsAsync(BlobTraits.None, BlobStates.None, from, cancellationToken).AsPages(continuation)).ConfigureAwait(false)
                    : container.GetBlobs(BlobTraits.None, BlobStates.None, from, cancellationToken).AsPages(continuation).First();
            }
            catch (RequestFailedException ex)
            {
                throw Failed("list", prefix, container, ex);
            }

            foreach (BlobItem item in page.Values) yield return new DatastoreFileInfo(item.Name, item.Properties.ContentLength ?? 0);
            continuation = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>Opens a blob's content as a stream read from the service as it is consumed.</summary>
    /// <exception cref="UserErrorException">There is no such blob.</exception>
    public async ValueTask<Stream> OpenReadAsync(BlobContainerClient container, string blobName, bool async, CancellationToken cancellationToken)
    {
        BlobClient blob = container.GetBlobClient(blobName);
        try
        {
            Response<BlobDownloadStreamingResult> result = async
                ? await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
                : blob.DownloadStreaming(cancellationToken: cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new UserErrorException($"There is no file '{blobName}' at {RestCall.Redact(container.Uri)}.", ex) { ErrorCode = AzureMLErrorCode.ResourceNotFound, Status = 404 };
        }
        catch (RequestFailedException ex)
        {
            throw Failed("download", blobName, container, ex);
        }
    }

    /// <summary>
    /// <see cref="UploadAsync(BlobContainerClient, IReadOnlyList{DatastoreFileCopy}, bool, IProgress{DatastoreTransferProgress}?, CancellationToken)"/>
    /// for a caller that is synchronous when <paramref name="async"/> is false: parallel blocks need asynchronous I/O, so
    /// the transfer then runs on the thread pool while the caller waits. A thread-pool task captures no synchronization
    /// context, so the wait cannot deadlock.
    /// </summary>
    public async ValueTask<FileTransferSummary> UploadAsync(BlobContainerClient container, IReadOnlyList<DatastoreFileCopy> files, bool overwrite,
        IProgress<DatastoreTransferProgress>? progress, bool async, CancellationToken cancellationToken)
    {
        if (async) return await UploadAsync(container, files, overwrite, progress, cancellationToken).ConfigureAwait(false);
        return Task.Run(() => UploadAsync(container, files, overwrite, progress, cancellationToken), cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Uploads one stream as <paramref name="blobName"/> with a whole-content MD5, in parallel blocks when it is large;
    /// with <paramref name="overwrite"/> false an existing blob is refused (<see cref="AzureMLErrorCode.Conflict"/>). A
    /// synchronous caller waits for the transfer on the thread pool, as for files.
    /// </summary>
    public async ValueTask UploadStreamAsync(BlobContainerClient container, string blobName, Stream content, bool overwrite, bool async, CancellationToken cancellationToken)
    {
        if (!async)
        {
            Task.Run(() => UploadStreamAsync(container, blobName, content, overwrite, async: true, cancellationToken).AsTask(), cancellationToken).GetAwaiter().GetResult();
            return;
        }

        BlobClient blob = container.GetBlobClient(blobName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            TransferOptions = TransferOptions(_pipelines.Options),
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (!overwrite && ex.Status is 409 or 412)
        {
            throw new UserErrorException($"'{blobName}' already exists at {RestCall.Redact(container.Uri)}.", ex) { ErrorCode = AzureMLErrorCode.Conflict, Status = ex.Status };
        }
        catch (RequestFailedException ex)
        {
            throw Failed("upload", blobName, container, ex);
        }
    }

    /// <summary>The size of a blob, or <c>null</c> when there is none of that name.</summary>
    public async ValueTask<long?> GetSizeAsync(BlobContainerClient container, string blobName, bool async, CancellationToken cancellationToken)
    {
        BlobClient blob = container.GetBlobClient(blobName);
        try
        {
            Response<BlobProperties> properties = async
                ? await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
                : blob.GetProperties(cancellationToken: cancellationToken);
            return properties.Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            throw Failed("read the properties of", blobName, container, ex);
        }
    }

    private static async ValueTask<Page<BlobItem>> FirstAsync(IAsyncEnumerable<Page<BlobItem>> pages)
    {
        await foreach (Page<BlobItem> page in pages.ConfigureAwait(false)) return page;
        throw new InvalidOperationException("A blob listing returned no page.");
    }

    private async Task<bool> UploadOneAsync(BlobContainerClient container, DatastoreFileCopy file, bool overwrite, Tally tally, CancellationToken cancellationToken)
    {
        BlobClient blob = container.GetBlobClient(file.PathOnDatastore);
        byte[] md5 = await Md5Async(file.LocalPath, cancellationToken).ConfigureAwait(false);
        long reported = 0;
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentHash = md5, ContentType = "application/octet-stream" },
            TransferOptions = TransferOptions(_pipelines.Options),
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            ProgressHandler = new SynchronousProgress(bytes =>
            {
                tally.Partial(bytes - Interlocked.Exchange(ref reported, bytes));
            }),
        };
        try
        {
            await using FileStream stream = File.OpenRead(file.LocalPath);
            await blob.UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
            tally.Partial(-Interlocked.Exchange(ref reported, 0));
            return true;
        }
        catch (RequestFailedException ex) when (!overwrite && (ex.Status == 409 || ex.Status == 412))
        {
            tally.Partial(-Interlocked.Exchange(ref reported, 0));
            return false;
        }
        catch (RequestFailedException ex)
        {
            throw Failed("upload", file.PathOnDatastore, container, ex, file.LocalPath);
        }
    }

    private static StorageTransferOptions TransferOptions(AzureMLClientOptions options) => new()
    {
        InitialTransferSize = options.BlobSingleUploadThreshold,
        MaximumTransferSize = options.BlobBlockSize,
        MaximumConcurrency = Math.Max(1, options.BlobTransferConcurrency),
    };

    private static async Task<byte[]> Md5Async(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    private static AzureMLException Failed(string action, string name, BlobContainerClient container, RequestFailedException ex, string? localPath = null)
        => new($"Could not {action} '{name}'{(localPath is null ? "" : $" (from '{localPath}')")} at {RestCall.Redact(container.Uri)}: HTTP {ex.Status} {ex.ErrorCode}. " +
               "Nothing of that file was committed; run the transfer again to retry.", ex)
        {
            ErrorCode = AzureMLErrorCode.TransferFailed,
            Status = ex.Status,
        };

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to a context and reorder reports.</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Counts finished files and bytes, plus bytes of files still in flight, across parallel uploads.</summary>
    private sealed class Tally(int filesTotal, long bytesTotal, IProgress<DatastoreTransferProgress>? progress)
    {
        private readonly object _gate = new();
        private int _done;
        private int _skipped;
        private long _bytesDone;
        private long _bytesInFlight;
        private long _bytesCopied;

        public void Partial(long delta)
        {
            if (delta == 0) return;
            lock (_gate)
            {
                _bytesInFlight += delta;
                progress?.Report(new DatastoreTransferProgress(_done, filesTotal, _skipped, _bytesDone + _bytesInFlight, bytesTotal));
            }
        }

        public void FileDone(long length, bool skipped)
        {
            lock (_gate)
            {
                _done++;
                _bytesDone += length;
                if (skipped) _skipped++;
                else _bytesCopied += length;
                progress?.Report(new DatastoreTransferProgress(_done, filesTotal, _skipped, _bytesDone + _bytesInFlight, bytesTotal));
            }
        }

        public FileTransferSummary Summary()
        {
            lock (_gate) return new FileTransferSummary(_done - _skipped, _skipped, _bytesCopied);
        }
    }
}
