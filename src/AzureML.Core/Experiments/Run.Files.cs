using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Run
{
    /// <summary>The names of the run's files (outputs, logs, uploaded files), sorted.</summary>
    public virtual IReadOnlyList<string> GetFileNames() => SynchronousCall.Run(() => GetFileNamesAsync());

    /// <inheritdoc cref="GetFileNames"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<string>> GetFileNamesAsync(CancellationToken cancellationToken = default)
        => await Workspace.Backend.Artifacts.ListAsync(Id, null, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Downloads one file of the run.</summary>
    /// <param name="name">The file name, e.g. <c>outputs/model.joblib</c>.</param>
    /// <param name="outputFilePath">Where to write it: a file path, or an existing folder; default the file's base name in the current directory.</param>
    /// <returns>The path written.</returns>
    public virtual string DownloadFile(string name, string? outputFilePath = null) => SynchronousCall.Run(() => DownloadFileAsync(name, outputFilePath));

    /// <inheritdoc cref="DownloadFile"/>
    /// <param name="name">The file name.</param>
    /// <param name="outputFilePath">Where to write it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<string> DownloadFileAsync(string name, string? outputFilePath = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        string normalized = NormalizeArtifactName(name);
        string target = outputFilePath is null ? Path.GetFileName(normalized)
            : Directory.Exists(outputFilePath) ? Path.Combine(outputFilePath, Path.GetFileName(normalized)) : outputFilePath;
        target = Path.GetFullPath(target);
        await using Stream source = await Workspace.Backend.Artifacts.OpenReadAsync(Id, normalized, cancellationToken).ConfigureAwait(false);
        await FileWriting.WriteAtomicallyAsync(target, source, cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>Downloads the run's files, optionally only those under a prefix.</summary>
    /// <param name="prefix">Only files whose name starts with this, e.g. <c>outputs/</c>.</param>
    /// <param name="outputDirectory">The folder to write into; default the current directory.</param>
    /// <param name="appendPrefix">Keep the prefix in the written paths (azureml-core's default).</param>
    /// <returns>The paths written.</returns>
    public virtual IReadOnlyList<string> DownloadFiles(string? prefix = null, string? outputDirectory = null, bool appendPrefix = true)
        => SynchronousCall.Run(() => DownloadFilesAsync(prefix, outputDirectory, appendPrefix));

    /// <inheritdoc cref="DownloadFiles"/>
    /// <param name="prefix">Only files under this prefix.</param>
    /// <param name="outputDirectory">The folder to write into.</param>
    /// <param name="appendPrefix">Keep the prefix in the written paths.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<string>> DownloadFilesAsync(string? prefix = null, string? outputDirectory = null, bool appendPrefix = true,
        CancellationToken cancellationToken = default)
    {
        string root = Path.GetFullPath(outputDirectory ?? ".");
        string normalizedPrefix = prefix is null ? "" : NormalizeArtifactName(prefix);
        var written = new List<string>();
        foreach (string name in await GetFileNamesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!name.StartsWith(normalizedPrefix, StringComparison.Ordinal)) continue;
            string relative = appendPrefix ? name : name[normalizedPrefix.Length..].TrimStart('/');
            string target = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            await using Stream source = await Workspace.Backend.Artifacts.OpenReadAsync(Id, name, cancellationToken).ConfigureAwait(false);
            await FileWriting.WriteAtomicallyAsync(target, source, cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }

    /// <summary>Uploads a local file to the run under <paramref name="name"/>.</summary>
    /// <param name="name">The artifact name, e.g. <c>outputs/report.html</c>.</param>
    /// <param name="pathOrStream">A file path.</param>
    public virtual void UploadFile(string name, string pathOrStream) => SynchronousCall.Run(() => UploadFileAsync(name, pathOrStream));

    /// <inheritdoc cref="UploadFile(string, string)"/>
    /// <param name="name">The artifact name.</param>
    /// <param name="path">A file path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task UploadFileAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        if (!File.Exists(path)) throw new UserErrorException($"UploadFile('{name}'): the file '{Path.GetFullPath(path)}' does not exist.");
        await using FileStream stream = File.OpenRead(path);
        await UploadFileAsync(name, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads the content of a stream to the run under <paramref name="name"/>.</summary>
    /// <param name="name">The artifact name.</param>
    /// <param name="content">The content.</param>
    public virtual void UploadFile(string name, Stream content) => SynchronousCall.Run(() => UploadFileAsync(name, content));

    /// <inheritdoc cref="UploadFile(string, Stream)"/>
    /// <param name="name">The artifact name.</param>
    /// <param name="content">The content.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task UploadFileAsync(string name, Stream content, CancellationToken cancellationToken = default)
        => Workspace.Backend.Artifacts.UploadAsync(Id, NormalizeArtifactName(Argument.NotNullOrEmpty(name, nameof(name))), Argument.NotNull(content, nameof(content)), cancellationToken);

    /// <summary>Uploads every file of a local folder under the artifact prefix <paramref name="name"/>.</summary>
    /// <param name="name">The artifact folder name.</param>
    /// <param name="path">The local folder.</param>
    /// <returns>The artifact names created.</returns>
    public virtual IReadOnlyList<string> UploadFolder(string name, string path) => SynchronousCall.Run(() => UploadFolderAsync(name, path));

    /// <inheritdoc cref="UploadFolder"/>
    /// <param name="name">The artifact folder name.</param>
    /// <param name="path">The local folder.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<string>> UploadFolderAsync(string name, string path, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        if (!Directory.Exists(path)) throw new UserErrorException($"UploadFolder('{name}'): the folder '{Path.GetFullPath(path)}' does not exist.");
        string prefix = NormalizeArtifactName(name).TrimEnd('/');
        var names = new List<string>();
        foreach (string file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string artifact = $"{prefix}/{Path.GetRelativePath(path, file).Replace('\\', '/')}";
            await UploadFileAsync(artifact, file, cancellationToken).ConfigureAwait(false);
            names.Add(artifact);
        }

        return names;
    }

    internal static string NormalizeArtifactName(string name)
    {
        string normalized = name.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        if (normalized.StartsWith('/') || normalized.Split('/').Any(segment => segment == ".."))
        {
            throw new UserErrorException($"The artifact name '{name}' must be a relative path inside the run, without '..'.");
        }

        return normalized;
    }
}
