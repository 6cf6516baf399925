using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

public abstract partial class Datastore
{
    /// <summary>
    /// Uploads a folder's files (recursively) to <paramref name="targetPath"/>, several at a time. With
    /// <paramref name="overwrite"/> false, files already in the datastore are skipped (as azureml does) and
    /// reported as skipped in the progress.
    /// </summary>
    /// <param name="srcDir">The local folder.</param>
    /// <param name="targetPath">The folder in the datastore; null for its root.</param>
    /// <param name="overwrite">Replace files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <returns>The target folder as a <see cref="DataPath"/>.</returns>
    /// <exception cref="UserErrorException">The folder does not exist, or <paramref name="targetPath"/> leaves the datastore.</exception>
    public virtual DataPath Upload(string srcDir, string? targetPath = null, bool overwrite = false, bool showProgress = true,
        IProgress<DatastoreTransferProgress>? progress = null)
        => SynchronousCall.Run(() => UploadAsync(srcDir, targetPath, overwrite, showProgress, progress));

    /// <inheritdoc cref="Upload"/>
    /// <param name="srcDir">The local folder.</param>
    /// <param name="targetPath">The folder in the datastore; null for its root.</param>
    /// <param name="overwrite">Replace files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <param name="cancellationToken">Cancels the upload; files already written stay, none is half written.</param>
    public virtual Task<DataPath> UploadAsync(string srcDir, string? targetPath = null, bool overwrite = false, bool showProgress = true,
        IProgress<DatastoreTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(srcDir, nameof(srcDir));
        string source = System.IO.Path.GetFullPath(srcDir);
        if (!Directory.Exists(source)) throw new UserErrorException($"Cannot upload '{srcDir}': the folder does not exist.");
        return UploadFilesAsync(Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories), source, targetPath, overwrite, showProgress, progress,
            cancellationToken);
    }

    /// <summary>
    /// Uploads a list of files, keeping their paths relative to <paramref name="relativeRoot"/> under
    /// <paramref name="targetPath"/>, several at a time. Existing files are skipped unless <paramref name="overwrite"/>.
    /// </summary>
    /// <param name="files">The local files.</param>
    /// <param name="relativeRoot">The folder the kept paths are relative to; default the files' common folder.</param>
    /// <param name="targetPath">The folder in the datastore; null for its root.</param>
    /// <param name="overwrite">Replace files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <returns>The target folder as a <see cref="DataPath"/>.</returns>
    /// <exception cref="UserErrorException">A file is missing or outside <paramref name="relativeRoot"/>, or <paramref name="targetPath"/> leaves the datastore.</exception>
    public virtual DataPath UploadFiles(IEnumerable<string> files, string? relativeRoot = null, string? targetPath = null, bool overwrite = false,
        bool showProgress = true, IProgress<DatastoreTransferProgress>? progress = null)
        => SynchronousCall.Run(() => UploadFilesAsync(files, relativeRoot, targetPath, overwrite, showProgress, progress));

    /// <inheritdoc cref="UploadFiles"/>
    /// <param name="files">The local files.</param>
    /// <param name="relativeRoot">The folder the kept paths are relative to; default the files' common folder.</param>
    /// <param name="targetPath">The folder in the datastore; null for its root.</param>
    /// <param name="overwrite">Replace files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <param name="cancellationToken">Cancels the upload; files already written stay, none is half written.</param>
    public virtual async Task<DataPath> UploadFilesAsync(IEnumerable<string> files, string? relativeRoot = null, string? targetPath = null,
        bool overwrite = false, bool showProgress = true, IProgress<DatastoreTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(files, nameof(files));
        string target = DatastorePaths.Normalize(targetPath, Name);
        List<string> sources = files.Select(f => System.IO.Path.GetFullPath(f)).ToList();
        string? missing = sources.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null) throw new UserErrorException($"Cannot upload '{missing}': the file does not exist.");

        string root = relativeRoot is null ? CommonFolder(sources) : System.IO.Path.GetFullPath(relativeRoot);
        var copies = new List<DatastoreFileCopy>(sources.Count);
        foreach (string file in sources)
        {
            string relative = System.IO.Path.GetRelativePath(root, file);
            if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
            {
                throw new UserErrorException($"'{file}' is not inside relativeRoot '{root}'; every file must be below it.");
            }

            copies.Add(new DatastoreFileCopy(file, DatastorePaths.Join(target, DatastorePaths.Normalize(relative, Name))));
        }

        await Workspace.Backend.Datastores.UploadAsync(Name, copies, overwrite, TransferProgressPrinter.Create(progress, showProgress, "Uploaded"),
            cancellationToken).ConfigureAwait(false);
        return new DataPath(this, target);
    }

    /// <summary>
    /// Downloads the files whose path starts with <paramref name="prefix"/> into <paramref name="targetPath"/>,
    /// keeping their datastore paths. Existing local files are skipped unless <paramref name="overwrite"/>.
    /// </summary>
    /// <param name="targetPath">The local folder.</param>
    /// <param name="prefix">Only files whose path starts with this; null for all.</param>
    /// <param name="overwrite">Replace local files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <returns>How many files were written (skipped ones are not counted).</returns>
    public virtual int Download(string targetPath, string? prefix = null, bool overwrite = false, bool showProgress = true,
        IProgress<DatastoreTransferProgress>? progress = null)
        => SynchronousCall.Run(() => DownloadAsync(targetPath, prefix, overwrite, showProgress, progress));

    /// <inheritdoc cref="Download"/>
    /// <param name="targetPath">The local folder.</param>
    /// <param name="prefix">Only files whose path starts with this; null for all.</param>
    /// <param name="overwrite">Replace local files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <param name="cancellationToken">Cancels the download; files already written stay, none is half written.</param>
    public virtual async Task<int> DownloadAsync(string targetPath, string? prefix = null, bool overwrite = false, bool showProgress = true,
        IProgress<DatastoreTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(targetPath, nameof(targetPath));
        string normalized = DatastorePaths.Normalize(prefix, Name);
        int slash = normalized.LastIndexOf('/');
        DatastoreStore store = Workspace.Backend.Datastores;
        IReadOnlyList<DatastoreFileInfo> listed = await store.ListFilesAsync(Name, slash < 0 ? "" : normalized[..slash], cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        string target = System.IO.Path.GetFullPath(targetPath);
        List<FileTransferItem> items = listed
            .Where(f => f.Path.StartsWith(normalized, StringComparison.Ordinal))
            .Select(f => new FileTransferItem(System.IO.Path.Combine(target, f.Path), f.Length, token => store.OpenReadAsync(Name, f.Path, token)))
            .ToList();
        FileTransferSummary summary = await FileTransfer.CopyAllAsync(items, overwrite ? ExistingFilePolicy.Overwrite : ExistingFilePolicy.Skip,
            TransferProgressPrinter.Create(progress, showProgress, "Downloaded"), cancellationToken).ConfigureAwait(false);
        return summary.FilesCopied;
    }

    private static string CommonFolder(IReadOnlyList<string> files)
    {
        if (files.Count == 0) return System.IO.Path.GetFullPath(".");
        string common = System.IO.Path.GetDirectoryName(files[0])!;
        foreach (string file in files.Skip(1))
        {
            while (!file.StartsWith(common.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                common = System.IO.Path.GetDirectoryName(common) ?? throw new UserErrorException("The files have no common folder; pass relativeRoot.");
            }
        }

        return common;
    }
}
