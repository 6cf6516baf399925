namespace AzureML.Core.Internal;

/// <summary>
/// Writes files and folders so a reader never sees half of one: the content goes to a temporary sibling
/// (<c>.&lt;name&gt;.&lt;guid&gt;.tmp</c>), which is then renamed into place. A failed write leaves nothing behind.
/// </summary>
internal static class FileWriting
{
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

    // Beside the target, so the rename never crosses file systems; hidden and suffixed so listings can skip it.
    private static string TemporarySibling(string target)
    {
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
