using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>Run files as plain files under <c>runs/&lt;id&gt;/artifacts</c>.</summary>
internal sealed class LocalArtifactStore : ArtifactStore
{
    private readonly LocalBackend _backend;

    public LocalArtifactStore(LocalBackend backend) => _backend = backend;

    public override IAsyncEnumerable<string> ListAsync(string runId, string? prefix, CancellationToken cancellationToken)
    {
        string root = _backend.ArtifactFolder(runId);
        IEnumerable<string> names = !Directory.Exists(root)
            ? Array.Empty<string>()
            : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(n => !Path.GetFileName(n).StartsWith('.') && (prefix is null || n.StartsWith(prefix, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal);
        return names.ToAsyncEnumerable();
    }

    public override Task<Stream> OpenReadAsync(string runId, string name, CancellationToken cancellationToken)
    {
        string path = PathOf(runId, name);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"Run '{runId}' has no file '{name}'. Run.GetFileNames() lists the files it has.");
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true));
    }

    public override async Task UploadAsync(string runId, string name, Stream content, CancellationToken cancellationToken)
    {
        string path = PathOf(runId, name);
        if (File.Exists(path))
        {
            throw new UserErrorException($"Run '{runId}' already has a file '{name}'; artifact names are write-once.");
        }

        try
        {
            await FileWriting.WriteAtomicallyAsync(path, content, cancellationToken, overwrite: false).ConfigureAwait(false);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new UserErrorException($"Run '{runId}' already has a file '{name}'; artifact names are write-once.");
        }
    }

    public override Task<long?> GetSizeAsync(string runId, string name, CancellationToken cancellationToken)
    {
        string path = PathOf(runId, name);
        return Task.FromResult<long?>(File.Exists(path) ? new FileInfo(path).Length : null);
    }

    private string PathOf(string runId, string name)
    {
        string root = Path.GetFullPath(_backend.ArtifactFolder(runId));
        string full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UserErrorException($"The artifact name '{name}' escapes the run's folder.");
        }

        return full;
    }
}
