using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>Creates <see cref="FileDataset"/>s; reached as <c>Dataset.File</c>. Mirrors azureml's <c>FileDatasetFactory</c>.</summary>
public sealed class FileDatasetFactory
{
    internal FileDatasetFactory() { }

    /// <summary>A file dataset over one file, folder or glob; see the list overload.</summary>
    /// <param name="path">A local path, <c>(datastore, "images/**")</c> or an http(s) URL.</param>
    /// <param name="validate">Check now that local and datastore paths match files.</param>
    /// <exception cref="UserErrorException">A path is malformed, or <paramref name="validate"/> finds no file for it.</exception>
    public FileDataset FromFiles(DataPath path, bool validate = true) => FromFiles([path], validate);

    /// <summary>
    /// A file dataset over local paths, <c>(datastore, "folder/**")</c> pairs and http(s) URLs, with the wildcards
    /// <c>*</c>, <c>**</c> and <c>?</c>; a folder means every file below it.
    /// </summary>
    /// <param name="path">The files.</param>
    /// <param name="validate">Check now that local and datastore paths match files.</param>
    /// <exception cref="UserErrorException">A path is malformed, or <paramref name="validate"/> finds no file for it.</exception>
    public FileDataset FromFiles(IEnumerable<DataPath> path, bool validate = true)
    {
        (List<DatasetSource> sources, Workspace? workspace) = DatasetFactorySources.From(path);
        var definition = new DatasetDefinition { DatasetType = DatasetDefinition.FileType, Sources = sources };
        if (validate) DatasetFactorySources.Validate(definition, workspace);
        return new FileDataset(definition, workspace, null);
    }

    /// <summary>
    /// Uploads a folder's files to a datastore path and returns a file dataset over them: the replacement azureml
    /// recommends for <see cref="Datastore.Upload"/>. Existing files are skipped unless <paramref name="overwrite"/>.
    /// </summary>
    /// <param name="srcDir">The local folder.</param>
    /// <param name="target">The datastore folder, e.g. <c>(datastore, "images")</c>.</param>
    /// <param name="pattern">Only files matching this glob (a name such as <c>*.png</c>, or a relative path with '/').</param>
    /// <param name="overwrite">Replace files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <exception cref="UserErrorException">The folder is missing or nothing matches, or <paramref name="target"/> is not a datastore path.</exception>
    public FileDataset UploadDirectory(string srcDir, DataPath target, string? pattern = null, bool overwrite = false, bool showProgress = true,
        IProgress<DatastoreTransferProgress>? progress = null)
        => SynchronousCall.Run(() => UploadDirectoryAsync(srcDir, target, pattern, overwrite, showProgress, progress));

    /// <inheritdoc cref="UploadDirectory"/>
    /// <param name="srcDir">The local folder.</param>
    /// <param name="target">The datastore folder, e.g. <c>(datastore, "images")</c>.</param>
    /// <param name="pattern">Only files matching this glob (a name such as <c>*.png</c>, or a relative path with '/').</param>
    /// <param name="overwrite">Replace files that already exist.</param>
    /// <param name="showProgress">Print progress lines to the console.</param>
    /// <param name="progress">Receives progress after every file.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<FileDataset> UploadDirectoryAsync(string srcDir, DataPath target, string? pattern = null, bool overwrite = false,
        bool showProgress = true, IProgress<DatastoreTransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(srcDir, nameof(srcDir));
        Argument.NotNull(target, nameof(target));
        Datastore datastore = target.Datastore ?? throw new UserErrorException($"The upload target '{target}' is not a datastore path; pass (datastore, \"folder\").");
        string source = Path.GetFullPath(srcDir);
        if (!Directory.Exists(source)) throw new UserErrorException($"Cannot upload '{srcDir}': the folder does not exist.");

        PathGlob? glob = string.IsNullOrEmpty(pattern) ? null : new PathGlob(pattern.Replace('\\', '/'));
        bool byName = pattern is not null && !pattern.Contains('/', StringComparison.Ordinal);
        List<string> files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => glob is null || glob.MatchesExactly(byName ? Path.GetFileName(f) : Path.GetRelativePath(source, f).Replace('\\', '/')))
            .ToList();
        if (files.Count == 0) throw new UserErrorException($"No file in '{srcDir}' matches the pattern '{pattern}'.");

        await datastore.UploadFilesAsync(files, source, target.Path, overwrite, showProgress, progress, cancellationToken).ConfigureAwait(false);
        return FromFiles(target, validate: false);
    }
}
