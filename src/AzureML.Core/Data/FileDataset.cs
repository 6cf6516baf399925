using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// A set of files, in datastores, on this machine or at URLs; nothing is copied until it is downloaded,
/// mounted or consumed by a run. Mirrors <c>azureml.data.FileDataset</c>.
/// </summary>
public class FileDataset : Dataset
{
    internal FileDataset(DatasetDefinition definition, Workspace? workspace, DatasetRecord? record) : base(definition, workspace, record) { }

    /// <summary>For mocking.</summary>
    protected FileDataset() { }

    internal override DatasetDefinition FilesDefinition => Definition;

    /// <summary>The files' paths relative to the dataset's root, each starting with '/' as azureml writes them.</summary>
    public virtual IReadOnlyList<string> ToPath() => SynchronousCall.Run(() => ToPathAsync());

    /// <inheritdoc cref="ToPath"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<string>> ToPathAsync(CancellationToken cancellationToken = default)
    {
        using var materialization = new DatasetMaterialization(Workspace);
        IReadOnlyList<DatasetFile> files = await materialization.ListFilesAsync(Definition, cancellationToken).ConfigureAwait(false);
        return files.Select(f => "/" + f.RelativePath).ToList();
    }

    /// <summary>Copies the files into a folder, keeping their relative paths.</summary>
    /// <param name="targetPath">The folder; default a new temporary folder.</param>
    /// <param name="overwrite">Replace existing files; otherwise an existing file stops the download before anything is copied.</param>
    /// <returns>The absolute paths of the files written.</returns>
    /// <exception cref="UserErrorException">A file exists and <paramref name="overwrite"/> is false, or a source is missing.</exception>
    public virtual IReadOnlyList<string> Download(string? targetPath = null, bool overwrite = false) => SynchronousCall.Run(() => DownloadAsync(targetPath, overwrite));

    /// <inheritdoc cref="Download"/>
    /// <param name="targetPath">The folder; default a new temporary folder.</param>
    /// <param name="overwrite">Replace existing files; otherwise an existing file stops the download before anything is copied.</param>
    /// <param name="cancellationToken">Cancels the download; files already written stay, none is half written.</param>
    public virtual Task<IReadOnlyList<string>> DownloadAsync(string? targetPath = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        string target = targetPath is null ? Directory.CreateTempSubdirectory("azureml-dataset-").FullName : System.IO.Path.GetFullPath(targetPath);
        return CopyFilesAsync(target, overwrite ? ExistingFilePolicy.Overwrite : ExistingFilePolicy.Fail, readOnly: false, cancellationToken);
    }

    /// <summary>
    /// Makes the files available read-only under a folder until the returned context is disposed. On this machine
    /// the "mount" is a read-only copy (no FUSE driver needed); use it with <c>using</c>.
    /// </summary>
    /// <param name="mountPoint">An empty or missing folder; default a new temporary folder. It is deleted on dispose.</param>
    /// <exception cref="UserErrorException"><paramref name="mountPoint"/> is not empty.</exception>
    public virtual FileDatasetMountContext Mount(string? mountPoint = null) => SynchronousCall.Run(() => MountAsync(mountPoint));

    /// <inheritdoc cref="Mount"/>
    /// <param name="mountPoint">An empty or missing folder; default a new temporary folder. It is deleted on dispose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<FileDatasetMountContext> MountAsync(string? mountPoint = null, CancellationToken cancellationToken = default)
    {
        string target = mountPoint is null ? Directory.CreateTempSubdirectory("azureml-mount-").FullName : System.IO.Path.GetFullPath(mountPoint);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new UserErrorException($"Mount point '{target}' is not empty; give an empty or missing folder.");
        }

        var context = new FileDatasetMountContext(target);
        try
        {
            await CopyFilesAsync(target, ExistingFilePolicy.Fail, readOnly: true, cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
