using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// Copies files to local targets in parallel. Each target is written to a temporary sibling and renamed, so
/// an interrupted transfer never leaves half a file behind.
/// </summary>
internal static class FileTransfer
{
    // Small files are dominated by per-file latency (open, create, rename), so a few copies in flight help
    // even on two cores; more mostly adds contention.
    private static readonly int s_parallelism = Math.Clamp(System.Environment.ProcessorCount * 2, 4, 16);

    public static async Task<FileTransferSummary> CopyAllAsync(IReadOnlyList<FileTransferItem> items, ExistingFilePolicy existing,
        IProgress<DatastoreTransferProgress>? progress, CancellationToken cancellationToken)
    {
        CheckDistinctTargets(items);
        if (existing == ExistingFilePolicy.Fail)
        {
            string? present = items.Select(i => i.Target).FirstOrDefault(File.Exists);
            if (present is not null)
            {
                throw new UserErrorException($"'{present}' already exists. Pass overwrite: true to replace existing files, or choose an empty target folder.");
            }
        }

        long bytesTotal = items.Sum(i => i.Length);
        int done = 0, skipped = 0;
        long bytesDone = 0, bytesCopied = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = s_parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(items, options, async (item, token) =>
        {
            bool skip = existing == ExistingFilePolicy.Skip && File.Exists(item.Target);
            if (skip)
            {
                Interlocked.Increment(ref skipped);
            }
            else
            {
                await using Stream source = await item.OpenAsync(token).ConfigureAwait(false);
                await FileWriting.WriteAtomicallyAsync(item.Target, source, token).ConfigureAwait(false);
                Interlocked.Add(ref bytesCopied, item.Length);
            }

            long bytes = Interlocked.Add(ref bytesDone, item.Length);
            int files = Interlocked.Increment(ref done);
            progress?.Report(new DatastoreTransferProgress(files, items.Count, Volatile.Read(ref skipped), bytes, bytesTotal));
        }).ConfigureAwait(false);

        return new FileTransferSummary(items.Count - skipped, skipped, bytesCopied);
    }

    private static void CheckDistinctTargets(IReadOnlyList<FileTransferItem> items)
    {
        IGrouping<string, FileTransferItem>? clash = items.GroupBy(i => i.Target, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new UserErrorException($"{clash.Count()} files would be written to the same target '{clash.Key}'; give them distinct relative paths.");
        }
    }
}
