using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// Turns what a user registers into the files of a model, laid out as azureml-core lays them out: a file
/// keeps its name, a folder keeps its name and structure (<c>outputs/…</c>).
/// </summary>
internal static class ModelFiles
{
    /// <summary>The files of a local file or folder; <paramref name="childPaths"/> picks files or sub-folders of a folder.</summary>
    public static IReadOnlyList<ModelFileSource> FromLocalPath(string modelPath, IReadOnlyList<string>? childPaths)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelPath));
        if (File.Exists(full))
        {
            if (childPaths is { Count: > 0 })
            {
                throw new UserErrorException($"childPaths picks files inside a folder, but modelPath '{full}' is a file. Pass the folder as modelPath.");
            }

            return new[] { FromFile(Path.GetFileName(full), full) };
        }

        if (!Directory.Exists(full)) throw new UserErrorException($"The model path '{full}' does not exist; pass a file or a folder.");
        string folderName = Path.GetFileName(full);
        FolderListing listing = FolderListing.List(full);
        foreach (SkippedLink link in listing.SkippedLinks) UserWarnings.Write($"Registering the model folder '{full}': {link}.");
        IEnumerable<ListedFile> files = childPaths is null
            ? listing.Files
            : childPaths.SelectMany(child => FilesOfChild(listing, child)).DistinctBy(f => f.RelativePath, StringComparer.Ordinal);
        List<ModelFileSource> sources = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .Select(file => FromFile($"{folderName}/{file.RelativePath}", file.FullPath))
            .ToList();
        if (sources.Count == 0) throw new UserErrorException($"The model folder '{full}' has no files to register.");
        return sources;
    }

    // A child path picks the listed files it names or holds; what the listing left out (a link leading outside) is not picked.
    private static IEnumerable<ListedFile> FilesOfChild(FolderListing listing, string child)
    {
        string folder = listing.Root;
        string path = Path.GetFullPath(Path.Combine(folder, child));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UserErrorException($"The child path '{child}' is outside the model folder '{folder}'; child paths are relative to it.");
        }

        if (!File.Exists(path) && !Directory.Exists(path)) throw new UserErrorException($"The child path '{child}' does not exist in the model folder '{folder}'.");
        string relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        return listing.Files.Where(f => f.RelativePath == relative || f.RelativePath.StartsWith(relative + "/", StringComparison.Ordinal));
    }

    private static ModelFileSource FromFile(string name, string path)
        => new(name, _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)));
}
