namespace AzureML.Core.Data.Delimited;

/// <summary>
/// One delimited file to read: the name used in messages and in the path column, and a way to open it.
/// <see cref="Open"/> may be called more than once (a read restarts when a column's type must widen to text,
/// and an encoding error re-reads the start of the file to find its line), so it must return a new stream each time.
/// </summary>
/// <param name="Name">The path or URL as the user gave it.</param>
/// <param name="Open">Opens a new stream positioned at the start of the file.</param>
internal sealed record DelimitedSource(string Name, Func<Stream> Open)
{
    /// <summary>A local file, read sequentially.</summary>
    public static DelimitedSource FromFile(string path)
        => new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
}
