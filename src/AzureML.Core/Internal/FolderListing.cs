namespace AzureML.Core.Internal;

/// <summary>
/// The files below a folder as the SDK copies a folder somewhere else (a snapshot, a model, an upload, a dataset's
/// files). Symbolic links that resolve inside the folder are followed: a file link stands for the file it points to,
/// a folder link for the files below it. A link that resolves outside the folder is not followed, since the folder's
/// files may be uploaded or handed to a run that must see only what the folder holds; nor is one that points to
/// nothing or back into its own ancestry. Each link left out is reported with the reason.
/// </summary>
internal sealed class FolderListing
{
    private const int MaxLinkHops = 40; // as the kernel's own limit on nested links
    private static readonly EnumerationOptions s_everyEntry = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    private FolderListing(string root, IReadOnlyList<ListedFile> files, IReadOnlyList<SkippedLink> skipped, IReadOnlyList<string> excludedFolders)
    {
        Root = root;
        Files = files;
        SkippedLinks = skipped;
        ExcludedFolders = excludedFolders;
    }

    /// <summary>The listed folder, as a full path.</summary>
    public string Root { get; }

    /// <summary>The files, sorted ordinally by relative path.</summary>
    public IReadOnlyList<ListedFile> Files { get; }

    /// <summary>The links that were not followed, sorted by relative path.</summary>
    public IReadOnlyList<SkippedLink> SkippedLinks { get; }

    /// <summary>The folders <c>include</c> turned down, sorted by relative path.</summary>
    public IReadOnlyList<string> ExcludedFolders { get; }

    /// <summary>Lists <paramref name="folder"/>; see the class remarks.</summary>
    /// <param name="folder">The folder (it must exist).</param>
    /// <param name="include">
    /// Whether to take a relative path (a file, or a folder when the flag is true) that is not a skipped link; a
    /// folder turned down is not entered. Null takes everything.
    /// </param>
    /// <param name="boundary">The folder links must stay inside; default <paramref name="folder"/> itself.</param>
    public static FolderListing List(string folder, Func<string, bool, bool>? include = null, string? boundary = null)
    {
        string root = Path.GetFullPath(folder);
        string realRoot = RealPath(root) ?? root;
        string realBoundary = boundary is null ? realRoot : RealPath(Path.GetFullPath(boundary)) ?? Path.GetFullPath(boundary);
        var files = new List<ListedFile>();
        var skipped = new List<SkippedLink>();
        var excluded = new List<string>();
        var pending = new Stack<(string Path, string Relative, IReadOnlyList<string> RealChain, bool ThroughLink)>();
        pending.Push((root, "", new[] { realRoot }, false));
        while (pending.Count > 0)
        {
            (string dir, string dirRelative, IReadOnlyList<string> chain, bool dirThroughLink) = pending.Pop();
            foreach (FileSystemInfo entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", s_everyEntry))
            {
                string relative = dirRelative.Length == 0 ? entry.Name : dirRelative + "/" + entry.Name;
                string realDir = chain[^1];
                string? linkTarget = entry.LinkTarget;
                string real = Path.Combine(realDir, entry.Name);
                if (linkTarget is not null)
                {
                    string? resolved = RealPath(entry.FullName);
                    if (resolved is null)
                    {
                        skipped.Add(new SkippedLink(relative, linkTarget, "points to nothing (its target does not exist, or links loop)"));
                        continue;
                    }

                    if (!IsInside(resolved, realBoundary))
                    {
                        skipped.Add(new SkippedLink(relative, linkTarget, $"resolves to '{resolved}', outside '{realBoundary}', and links that leave the folder are not followed"));
                        continue;
                    }

                    real = resolved;
                }

                bool throughLink = dirThroughLink || linkTarget is not null;
                if (Directory.Exists(real))
                {
                    if (chain.Any(ancestor => ancestor == real || IsInside(ancestor, real)))
                    {
                        skipped.Add(new SkippedLink(relative, linkTarget!, "points back to a folder that holds it, which would never end"));
                        continue;
                    }

                    if (include is null || include(relative, true)) pending.Push((entry.FullName, relative, [.. chain, real], throughLink));
                    else excluded.Add(relative);
                }
                else if (include is null || include(relative, false))
                {
                    files.Add(new ListedFile(relative, entry.FullName, new FileInfo(real).Length, throughLink));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        excluded.Sort(StringComparer.Ordinal);
        return new FolderListing(root, files, skipped, excluded);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both full, resolved paths).</summary>
    private static bool IsInside(string path, string folder)
        => path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The path with every symbolic link in it resolved, as <c>realpath(3)</c> gives it; <c>null</c> when a part of it
    /// does not exist or the links nest deeper than the kernel allows.
    /// </summary>
    public static string? RealPath(string path)
    {
        // Not Path.GetFullPath: it folds "link/.." away by name, where the kernel goes up from the link's target.
        string full = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        string current = Path.GetPathRoot(full)!;
        var remaining = new LinkedList<string>(Split(full[current.Length..]));
        int hops = 0;
        while (remaining.Count > 0)
        {
            string part = remaining.First!.Value;
            remaining.RemoveFirst();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Combine(current, part);
            var info = new FileInfo(next);
            string? target = info.LinkTarget;
            if (target is null)
            {
                if (!info.Exists && !Directory.Exists(next)) return null;
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops) return null;

            // A link's target is read relative to the folder holding it; what follows it is resolved after it.
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target)!;
            foreach (string segment in Split(Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target).Reverse()) remaining.AddFirst(segment);
        }

        return current;
    }

    private static string[] Split(string path)
        => path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
