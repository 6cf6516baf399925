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
    private readonly FolderListing _listing;
    private readonly Dictionary<string, bool> _holdsProject = new(StringComparer.Ordinal);

    private SnapshotPlan(FolderListing listing, IgnoreRules rules)
    {
        _listing = listing;
        _rules = rules;
        Files = listing.Files.Select(f => (f.RelativePath, f.Length)).ToList();
    }

    public string SourceDirectory => _listing.Root;

    public IReadOnlyList<(string Relative, long Size)> Files { get; }

    public long TotalBytes => Files.Sum(f => f.Size);

    /// <summary>
    /// Lists the files, skipping what the ignore file excludes, <c>.git</c>, any folder in
    /// <paramref name="excludedFolders"/> (the local workspace itself when it lives in the source folder), and
    /// symbolic links that leave the source directory (links inside it are taken as what they point to).
    /// </summary>
    public static SnapshotPlan Create(string sourceDirectory, IEnumerable<string> excludedFolders)
    {
        string root = Path.GetFullPath(sourceDirectory);
        if (!Directory.Exists(root))
        {
            throw new UserErrorException($"The source directory '{root}' does not exist. ScriptRunConfig(sourceDirectory: …) must name an existing folder.");
        }

        HashSet<string> excluded = excludedFolders.Select(f => FolderListing.RealPath(f) ?? Path.GetFullPath(f)).ToHashSet(StringComparer.Ordinal);
        IgnoreRules rules = IgnoreRules.Load(root);
        FolderListing listing = FolderListing.List(root, (relative, isDirectory) => isDirectory
            ? Path.GetFileName(relative) != ".git" && !excluded.Contains(FolderListing.RealPath(Path.Combine(root, relative)) ?? "") && !rules.IsIgnored(relative, isDirectory: true)
            : !rules.IsIgnored(relative, isDirectory: false));
        return new SnapshotPlan(listing, rules);
    }

    /// <summary>
    /// Why a file of the source directory is not in the snapshot (completing "… because …"), or <c>null</c> when it is.
    /// </summary>
    public string? WhyLeftOut(string relative)
    {
        if (Files.Any(f => f.Relative == relative)) return null;
        if (_listing.SkippedLinks.FirstOrDefault(l => relative == l.RelativePath || relative.StartsWith(l.RelativePath + "/", StringComparison.Ordinal)) is SkippedLink link)
        {
            return $"{(relative == link.RelativePath ? "it is" : "it is below")} the symbolic link '{link.RelativePath}' -> '{link.Target}', which {link.Reason}";
        }

        string[] parts = relative.Split('/');
        for (int i = 1; i <= parts.Length; i++)
        {
            string prefix = string.Join('/', parts.Take(i));
            bool isDirectory = i < parts.Length;
            if (isDirectory && parts[i - 1] == ".git") return "files under .git are never part of a snapshot";
            if (_rules.DecidingRule(prefix, isDirectory) is (int line, string pattern, false))
            {
                string what = isDirectory ? $"the folder '{prefix}/' holding it" : "it";
                return _rules.SourceFile is string file
                    ? $"rule {line} of {Path.GetFileName(file)} ('{pattern}') excludes {what}; change that rule, or add a later '!' rule for it"
                    : $"{what} is .NET build output ('{pattern}'), left out by default because {_rules.DefaultReason}";
            }
        }

        return "it is inside the local workspace folder, which is never part of a snapshot";
    }

    /// <summary>
    /// What the run output should say about the snapshot: .NET build output left out by default, or held in it
    /// (with the <c>.amlignore</c> lines that leave it out), and a size that makes every run slow to start.
    /// </summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = _listing.SkippedLinks.Select(link => $"Snapshot: {link}.").ToList();
        List<string> leftOut = _listing.ExcludedFolders.Where(IsBuildOutput).ToList();
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

    /// <summary>Copies the planned files into <paramref name="target"/> (which must not exist yet); a link inside the folder becomes a copy of its target.</summary>
    public void CopyTo(string target)
        => FileWriting.CreateFolderAtomically(target, temp =>
        {
            foreach (ListedFile file in _listing.Files)
            {
                string destination = Path.Combine(temp, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file.FullPath, destination);
            }
        });

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.##} MB";
}
