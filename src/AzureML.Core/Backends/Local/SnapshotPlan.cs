using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The files of a source directory that a run's snapshot will hold, listed and measured before anything
/// is copied so the limits can refuse an oversized folder up front.
/// </summary>
internal sealed class SnapshotPlan
{
    private SnapshotPlan(string sourceDirectory, IReadOnlyList<(string Relative, long Size)> files)
    {
        SourceDirectory = sourceDirectory;
        Files = files;
    }

    public string SourceDirectory { get; }

    public IReadOnlyList<(string Relative, long Size)> Files { get; }

    public long TotalBytes => Files.Sum(f => f.Size);

    /// <summary>
    /// Lists the files, skipping what the ignore file excludes, <c>.git</c>, and any folder in
    /// <paramref name="excludedFolders"/> (the local workspace itself when it lives in the source folder).
    /// </summary>
    public static SnapshotPlan Create(string sourceDirectory, IEnumerable<string> excludedFolders)
    {
        string root = Path.GetFullPath(sourceDirectory);
        if (!Directory.Exists(root))
        {
            throw new UserErrorException($"The source directory '{root}' does not exist. ScriptRunConfig(sourceDirectory: …) must name an existing folder.");
        }

        HashSet<string> excluded = excludedFolders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)).ToHashSet(StringComparer.Ordinal);
        IgnoreRules rules = IgnoreRules.Load(root);
        var files = new List<(string, long)>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            foreach (FileSystemInfo entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                string relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                bool isDirectory = entry is DirectoryInfo;
                if (isDirectory)
                {
                    if (entry.Name == ".git" || excluded.Contains(entry.FullName) || entry.LinkTarget is not null) continue;
                    if (!rules.IsIgnored(relative, isDirectory: true)) pending.Push(entry.FullName);
                }
                else if (!rules.IsIgnored(relative, isDirectory: false))
                {
                    files.Add((relative, ((FileInfo)entry).Length));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new SnapshotPlan(root, files);
    }

    /// <summary>Throws when the plan breaks a limit, naming the biggest files and the most crowded folders.</summary>
    public void CheckLimits(SnapshotLimits limits)
    {
        long total = TotalBytes;
        if (total <= limits.MaxSizeBytes && Files.Count <= limits.MaxFileCount) return;

        string biggest = string.Join(", ", Files.OrderByDescending(f => f.Size).Take(5).Select(f => $"{f.Relative} ({Megabytes(f.Size)})"));
        string crowded = string.Join(", ", Files
            .GroupBy(f => f.Relative.Contains('/') ? f.Relative[..f.Relative.IndexOf('/')] + "/" : "./")
            .OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Key} ({g.Count()} files)"));
        throw new UserErrorException(
            $"The snapshot of '{SourceDirectory}' would hold {Files.Count} files and {Megabytes(total)}, over the limit of " +
            $"{limits.MaxFileCount} files and {Megabytes(limits.MaxSizeBytes)}. Nothing was copied. Biggest files: {biggest}. " +
            $"Most files in: {crowded}. Exclude what the run does not need in an .amlignore file (gitignore syntax) in the source " +
            $"directory, move data to a datastore, or raise the limit with ScriptRunConfig.SnapshotLimits or the " +
            $"{SnapshotLimits.MaxSizeVariable} / {SnapshotLimits.MaxFilesVariable} variables.");
    }

    /// <summary>Copies the planned files into <paramref name="target"/> (which must not exist yet).</summary>
    public void CopyTo(string target)
        => FileWriting.CreateFolderAtomically(target, temp =>
        {
            foreach ((string relative, _) in Files)
            {
                string destination = Path.Combine(temp, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(Path.Combine(SourceDirectory, relative), destination);
            }
        });

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.##} MB";
}
