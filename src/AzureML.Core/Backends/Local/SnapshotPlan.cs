using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The files of a source directory that a run's snapshot will hold, listed and measured before anything
/// is copied so the limits can refuse an oversized folder up front.
/// </summary>
internal sealed class SnapshotPlan
{
    /// <summary>Above this size a snapshot makes every run slow to start (it is copied twice per run): the run output says so.</summary>
    public const long SlowSizeBytes = 25L * 1024 * 1024;

    private readonly IgnoreRules _rules;
    private readonly IReadOnlyList<string> _ignoredFolders;
    private readonly Dictionary<string, bool> _holdsProject = new(StringComparer.Ordinal);

    private SnapshotPlan(string sourceDirectory, IReadOnlyList<(string Relative, long Size)> files, IgnoreRules rules, IReadOnlyList<string> ignoredFolders)
    {
        SourceDirectory = sourceDirectory;
        Files = files;
        _rules = rules;
        _ignoredFolders = ignoredFolders;
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
        var ignoredFolders = new List<string>();
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
                    else ignoredFolders.Add(relative);
                }
                else if (!rules.IsIgnored(relative, isDirectory: false))
                {
                    files.Add((relative, ((FileInfo)entry).Length));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        ignoredFolders.Sort(StringComparer.Ordinal);
        return new SnapshotPlan(root, files, rules, ignoredFolders);
    }

    /// <summary>
    /// What the run output should say about the snapshot: .NET build output left out by default, or held in it
    /// (with the <c>.amlignore</c> lines that leave it out), and a size that makes every run slow to start.
    /// </summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        List<string> leftOut = _ignoredFolders.Where(IsBuildOutput).ToList();
        if (_rules.DefaultReason is not null && leftOut.Count > 0)
        {
            notes.Add($"Snapshot: left out .NET build output ({string.Join(", ", leftOut.Select(f => f + "/"))}) because {_rules.DefaultReason}. " +
                "Add an .amlignore to choose what is copied yourself.");
        }

        var buildOutput = Files.GroupBy(f => BuildOutputFolder(f.Relative)).Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        long buildBytes = buildOutput.Sum(g => g.Sum(f => f.Size));
        if (buildOutput.Count > 0)
        {
            string replaces = _rules.SourceFile is string file && Path.GetFileName(file) == ".gitignore"
                ? " (an .amlignore replaces .gitignore for snapshots: copy its lines into it too)"
                : "";
            notes.Add($"Warning: the snapshot holds .NET build output ({string.Join("; ", buildOutput.Select(g => $"{g.Key}: {g.Count()} files, {Megabytes(g.Sum(f => f.Size))}"))}), " +
                $"copied for every run. To leave it out, add these lines to {Path.Combine(SourceDirectory, ".amlignore")}{replaces}: " +
                string.Join(" ", IgnoreRules.DotnetBuildOutput));
        }

        if (TotalBytes - buildBytes > SlowSizeBytes)
        {
            string biggest = string.Join(", ", TopFolders().OrderByDescending(g => g.Sum(f => f.Size)).Take(3).Select(g => $"{g.Key} ({Megabytes(g.Sum(f => f.Size))})"));
            notes.Add($"Warning: the snapshot of {SourceDirectory} holds {Files.Count} files, {Megabytes(TotalBytes)}, copied for every run, which makes runs slow to start. " +
                $"Biggest: {biggest}. Leave out what the run does not need with lines such as '{TopFolders().MaxBy(g => g.Sum(f => f.Size))!.Key}' in an .amlignore " +
                "(gitignore syntax), or move data to a datastore.");
        }

        return notes;
    }

    // bin/ or obj/ beside a .NET project file, at any depth.
    private bool IsBuildOutput(string folder)
    {
        if (!IgnoreRules.DotnetBuildOutput.Contains(Path.GetFileName(folder) + "/")) return false;
        string parent = Path.Combine(SourceDirectory, Path.GetDirectoryName(folder) ?? "");
        if (!_holdsProject.TryGetValue(parent, out bool holds)) _holdsProject[parent] = holds = IgnoreRules.ProjectFileIn(parent) is not null;
        return holds;
    }

    private string? BuildOutputFolder(string file)
    {
        string[] parts = file.Split('/');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            string folder = string.Join('/', parts.Take(i + 1));
            if (IsBuildOutput(folder)) return folder + "/";
        }

        return null;
    }

    private IEnumerable<IGrouping<string, (string Relative, long Size)>> TopFolders()
        => Files.GroupBy(f => f.Relative.Contains('/') ? f.Relative[..f.Relative.IndexOf('/')] + "/" : f.Relative);

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
