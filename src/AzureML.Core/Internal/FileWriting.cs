namespace AzureML.Core.Internal;

/// <summary>Writes files so a reader never sees half of one: write a temporary sibling, then rename.</summary>
internal static class FileWriting
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/>; with <paramref name="overwrite"/> false an existing file (even one created meanwhile) is an <see cref="IOException"/>.</summary>
    public static async Task WriteAtomicallyAsync(string target, Stream content, CancellationToken cancellationToken, bool overwrite = true)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
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
}
