using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AzureML.Core.Internal;

/// <summary>
/// Writes files and folders so a reader never sees half of one: the content goes to a temporary sibling, which is
/// then renamed into place. A failed write leaves nothing behind; a writer killed part-way leaves its temporary
/// sibling, whose name says which process wrote it (<c>.&lt;name&gt;.&lt;pid&gt;-&lt;start ticks&gt;.&lt;guid&gt;.tmp</c>), so
/// <see cref="SweepStale"/> can remove it once that process is gone. Every write sweeps its folder first (once per
/// folder and <see cref="StaleAfter"/> in each process), so the next write to a folder cleans up after a killed one.
/// </summary>
internal static partial class FileWriting
{
    /// <summary>How long a temporary file or folder of a process that is gone is kept before a sweep removes it.</summary>
    /// <remarks>The margin covers a writer this machine cannot see (another container sharing the folder).</remarks>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>How long a temporary file named without its writer (written by an earlier SDK version) is kept.</summary>
    public static readonly TimeSpan StaleAfterWithoutWriter = TimeSpan.FromHours(24);

    private const int MaxNameInTemporary = 100;
    private const int MaxRememberedFolders = 4096;
    private static readonly ConcurrentDictionary<string, DateTime> s_swept = new(StringComparer.Ordinal);

    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/>; with <paramref name="overwrite"/> false an existing file (even one created meanwhile) is an <see cref="IOException"/>.</summary>
    public static async Task WriteAtomicallyAsync(string target, Stream content, CancellationToken cancellationToken, bool overwrite = true)
    {
        string temp = TemporarySibling(target);
        try
        {
            await using (FileStream output = new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, target, overwrite);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/>; see <see cref="WriteAtomicallyAsync"/>.</summary>
    /// <param name="target">The file.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="overwrite">Replace an existing file; when false an existing file is an <see cref="IOException"/>.</param>
    /// <param name="ownerOnly">Create the file readable and writable by its owner only (0600), for keys.</param>
    public static void WriteAtomically(string target, ReadOnlySpan<byte> content, bool overwrite = true, bool ownerOnly = false)
    {
        string temp = TemporarySibling(target);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var output = new FileStream(temp, options)) output.Write(content);
            File.Move(temp, target, overwrite);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Creates the folder <paramref name="target"/> with the content <paramref name="fill"/> writes into the
    /// (empty, existing) folder it is given. Returns false, leaving the existing folder untouched, when
    /// <paramref name="target"/> already exists or another writer created it first.
    /// </summary>
    public static bool CreateFolderAtomically(string target, Action<string> fill)
    {
        string temp = TemporarySibling(target);
        Directory.CreateDirectory(temp);
        try
        {
            fill(temp);
            Directory.Move(temp, target);
            return true;
        }
        catch (Exception ex)
        {
            Directory.Delete(temp, recursive: true);
            if (ex is IOException && Directory.Exists(target)) return false;
            throw;
        }
    }

    /// <summary>
    /// A hidden name for a temporary file or folder standing for <paramref name="name"/>, naming this process as its
    /// writer, unique, and recognized by <see cref="SweepStale"/>.
    /// </summary>
    public static string TemporaryName(string name)
    {
        (int pid, long startTicks) = ProcessIdentity.Current;
        string kept = name.Length > MaxNameInTemporary ? name[..MaxNameInTemporary] : name; // the whole name must stay within 255 bytes
        return string.Create(CultureInfo.InvariantCulture, $".{kept}.{pid}-{startTicks}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>True for a name <see cref="TemporaryName"/> (or an earlier SDK version's temporary sibling) gives.</summary>
    public static bool IsTemporaryName(string name) => name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>
    /// Removes the temporary files and folders in <paramref name="folder"/> (and, with <paramref name="recursive"/>,
    /// below it, except in the folders <paramref name="skip"/> turns down) whose writer is gone and that are older than
    /// <see cref="StaleAfter"/>; nothing of a live writer is touched. Returns how many entries and bytes were removed.
    /// </summary>
    public static (int Entries, long Bytes) SweepStale(string folder, bool recursive = false, Func<string, bool>? skip = null)
    {
        int entries = 0;
        long bytes = 0;
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = new DirectoryInfo(current).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // gone, or not ours to look into
            }

            foreach (FileSystemInfo child in children)
            {
                bool isFolder = child is DirectoryInfo && child.LinkTarget is null;
                if (IsTemporaryName(child.Name) && IsStale(child))
                {
                    long size = SizeOf(child);
                    if (TryDelete(child))
                    {
                        entries++;
                        bytes += size;
                    }
                }
                else if (recursive && isFolder && skip?.Invoke(child.FullName) != true)
                {
                    pending.Push(child.FullName);
                }
            }
        }

        return (entries, bytes);
    }

    private static bool IsStale(FileSystemInfo entry)
    {
        TimeSpan age = DateTime.UtcNow - entry.LastWriteTimeUtc;
        Match writer = WriterPattern().Match(entry.Name);
        if (!writer.Success) return age > StaleAfterWithoutWriter;
        int pid = int.Parse(writer.Groups["pid"].ValueSpan, CultureInfo.InvariantCulture);
        long startTicks = long.Parse(writer.Groups["ticks"].ValueSpan, CultureInfo.InvariantCulture);
        return age > StaleAfter && !ProcessIdentity.IsAlive(pid, startTicks);
    }

    private static long SizeOf(FileSystemInfo entry)
    {
        try
        {
            return entry is FileInfo file
                ? file.Length
                : new DirectoryInfo(entry.FullName).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Sum(f => f.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool TryDelete(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo && entry.LinkTarget is null) Directory.Delete(entry.FullName, recursive: true);
            else File.Delete(entry.FullName);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // removed meanwhile by another sweep, or not ours to remove
        }
    }

    // Beside the target, so the rename never crosses file systems; hidden and suffixed so listings can skip it.
    private static string TemporarySibling(string target)
    {
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        SweepOnce(directory);
        return Path.Combine(directory, TemporaryName(Path.GetFileName(full)));
    }

    // A folder is swept again only once what was young at the last sweep could have become stale.
    private static void SweepOnce(string directory)
    {
        DateTime now = DateTime.UtcNow;
        if (s_swept.TryGetValue(directory, out DateTime last) && now - last < StaleAfter) return;
        if (s_swept.Count > MaxRememberedFolders)
        {
            foreach ((string old, DateTime when) in s_swept) if (now - when >= StaleAfter) s_swept.TryRemove(old, out _);
        }

        s_swept[directory] = now;
        SweepStale(directory);
    }

    [GeneratedRegex(@"\.(?<pid>\d+)-(?<ticks>\d+)\.[^.]+\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex WriterPattern();
}
