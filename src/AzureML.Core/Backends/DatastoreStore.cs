using AzureML.Core.Data;

namespace AzureML.Core.Backends;

/// <summary>Registered datastores and their files. Paths inside a datastore are relative, '/'-separated and already checked.</summary>
internal abstract class DatastoreStore
{
    /// <summary>The name of the workspace's default datastore.</summary>
    public const string DefaultName = "workspaceblobstore";

    /// <summary>
    /// Registers a datastore. <paramref name="secret"/> (an account key or SAS token) is kept protected,
    /// never in plain text. An existing name is replaced only with <paramref name="overwrite"/>.
    /// </summary>
    public abstract Task<DatastoreRecord> RegisterAsync(DatastoreRecord record, string? secret, bool overwrite, CancellationToken cancellationToken);

    /// <summary>A datastore by name, or <c>null</c>. The default datastore always exists.</summary>
    public abstract Task<DatastoreRecord?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>All datastores, page by page.</summary>
    public abstract IAsyncEnumerable<DatastoreRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>The default datastore, created on first use.</summary>
    public abstract Task<DatastoreRecord> GetDefaultAsync(CancellationToken cancellationToken);

    /// <summary>Copies local files into a datastore in parallel; existing files are replaced or skipped.</summary>
    public abstract Task<FileTransferSummary> UploadAsync(string datastore, IReadOnlyList<DatastoreFileCopy> files, bool overwrite,
        IProgress<DatastoreTransferProgress>? progress, CancellationToken cancellationToken);

    /// <summary>The files under <paramref name="prefix"/> (a folder or a file; empty for all), sorted by path, page by page.</summary>
    public abstract IAsyncEnumerable<DatastoreFileInfo> ListFilesAsync(string datastore, string prefix, CancellationToken cancellationToken);

    /// <summary>Opens a file of a datastore for reading.</summary>
    public abstract Task<Stream> OpenReadAsync(string datastore, string path, CancellationToken cancellationToken);

    /// <summary>
    /// The folder on this machine that holds the datastore's files, for readers that can use them in place, or
    /// <c>null</c> when the files live in a service and are read through <see cref="OpenReadAsync"/>.
    /// </summary>
    public virtual Task<string?> GetFolderOnThisMachineAsync(string datastore, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
