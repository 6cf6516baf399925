using System.Diagnostics;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Blobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Tests.Backends.Azure.Blobs;

namespace AzureML.Core.Benchmarks;

/// <summary>
/// Blob transfer numbers against Azurite (started here on a free loopback port): MB/s uploading one 200 MB file and a
/// 2,000-file tree (2–30 KB files), with parallel transfers (8 blocks of 8 MB of a file at once, 8 files at once) and
/// without (one request at a time), plus this process's peak working set and managed allocations per case.
/// Azurite runs on the same two cores and writes to disk, so the numbers bound the SDK's side, not Azure's.
/// 1 MB = 10^6 bytes.
/// </summary>
internal static class BlobBenchmarks
{
    private const double MB = 1_000_000.0;
    private const long LargeFileBytes = 200L * 1024 * 1024;
    private const int TreeFiles = 2_000;
    private const int Rounds = 3;

    public static void Execute()
    {
        string root = Directory.CreateTempSubdirectory("azureml-blob-bench-").FullName;
        using AzuriteServer azurite = AzuriteServer.Start(FindRepositoryRoot());
        try
        {
            string large = Path.Combine(root, "large.bin");
            WriteRandom(large, LargeFileBytes, new Random(1));
            List<DatastoreFileCopy> tree = WriteTree(Path.Combine(root, "tree"), new Random(2));
            long treeBytes = tree.Sum(f => new FileInfo(f.LocalPath).Length);
            Console.WriteLine($"Azurite at {azurite.BlobEndpoint}; large file {LargeFileBytes / MB:F1} MB; tree {TreeFiles:N0} files, {treeBytes / MB:F1} MB");

            foreach ((string label, int concurrency) in new[] { ("parallel (8 at once)", 8), ("sequential (1 at a time)", 1) })
            {
                Measure($"200 MB file, {label}", azurite, concurrency, new[] { new DatastoreFileCopy(large, "large.bin") }, LargeFileBytes);
                Measure($"2,000-file tree, {label}", azurite, concurrency, tree, treeBytes);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Measure(string label, AzuriteServer azurite, int concurrency, IReadOnlyList<DatastoreFileCopy> files, long bytes)
    {
        var options = new AzureMLClientOptions { BlobTransferConcurrency = concurrency };
        var transfer = new BlobTransfer(new AzureMLPipelines(options, new NoCredential()));
        var seconds = new List<double>();
        long peak = 0;
        long allocated = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var container = transfer.ContainerFromSas(azurite.CreateContainerWithSas($"bench{Guid.NewGuid():N}"[..20]));
            GC.Collect();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            using var sampler = new PeakSampler();
            var clock = Stopwatch.StartNew();
            transfer.UploadAsync(container, files, overwrite: true, progress: null, CancellationToken.None).GetAwaiter().GetResult();
            seconds.Add(clock.Elapsed.TotalSeconds);
            peak = Math.Max(peak, sampler.Peak);
            allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        }

        double best = seconds.Min();
        double median = Stats.Percentile(seconds, 50);
        Console.WriteLine($"{label}: best {bytes / MB / best:F1} MB/s ({best:F2} s), median {bytes / MB / median:F1} MB/s over {Rounds} rounds; " +
                          $"peak working set {peak / MB:F0} MB, managed allocations {allocated / MB:F0} MB per upload");
    }

    private static List<DatastoreFileCopy> WriteTree(string folder, Random random)
    {
        var files = new List<DatastoreFileCopy>();
        for (int i = 0; i < TreeFiles; i++)
        {
            string relative = $"pkg{i % 20}/sub{i % 7}/file_{i:D4}.py";
            string local = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            WriteRandom(local, random.Next(2 * 1024, 30 * 1024), random);
            files.Add(new DatastoreFileCopy(local, "tree/" + relative));
        }

        return files;
    }

    private static void WriteRandom(string path, long length, Random random)
    {
        byte[] buffer = new byte[Math.Min(length, 1 << 20)];
        using FileStream stream = File.Create(path);
        for (long written = 0; written < length; written += buffer.Length)
        {
            random.NextBytes(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, length - written));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureML.Sdk.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Run the benchmarks from inside the AzureML.Sdk repository.");
    }

    /// <summary>Samples this process's working set every 20 ms while an upload runs.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 20);

        public long Peak
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            using var self = Process.GetCurrentProcess();
            long now = self.WorkingSet64;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peak);
            }
            while (now > seen && Interlocked.CompareExchange(ref _peak, now, seen) != seen);
        }

        public void Dispose() => _timer.Dispose();
    }

    /// <summary>SAS URLs carry their own authorization; no token is ever asked for.</summary>
    private sealed class NoCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
            => throw new InvalidOperationException("Blob transfers with a SAS never ask for a token.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
            => throw new InvalidOperationException("Blob transfers with a SAS never ask for a token.");
    }
}
