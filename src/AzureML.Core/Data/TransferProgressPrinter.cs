using System.Globalization;

namespace AzureML.Core.Data;

/// <summary>
/// Passes transfer progress to the caller's <see cref="IProgress{T}"/> and, with <c>showProgress</c>, prints a
/// line to the console at every tenth of the files and at the end, so thousands of files do not flood it.
/// </summary>
internal sealed class TransferProgressPrinter : IProgress<DatastoreTransferProgress>
{
    private readonly IProgress<DatastoreTransferProgress>? _inner;
    private readonly string _verb;
    private readonly object _gate = new();
    private int _lastTenth = -1;

    private TransferProgressPrinter(IProgress<DatastoreTransferProgress>? inner, string verb)
    {
        _inner = inner;
        _verb = verb;
    }

    /// <summary>The progress sink for a transfer: the caller's, the console's, both, or none.</summary>
    public static IProgress<DatastoreTransferProgress>? Create(IProgress<DatastoreTransferProgress>? inner, bool showProgress, string verb)
        => showProgress ? new TransferProgressPrinter(inner, verb) : inner;

    public void Report(DatastoreTransferProgress value)
    {
        _inner?.Report(value);
        int tenth = value.FilesTotal == 0 ? 10 : value.FilesDone * 10 / value.FilesTotal;
        lock (_gate)
        {
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
        }

        string skipped = value.FilesSkipped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {value.FilesSkipped} skipped (already present)") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_verb} {value.FilesDone}/{value.FilesTotal} files, {Megabytes(value.BytesDone)}/{Megabytes(value.BytesTotal)} MB{skipped}"));
    }

    private static string Megabytes(long bytes) => (bytes / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
