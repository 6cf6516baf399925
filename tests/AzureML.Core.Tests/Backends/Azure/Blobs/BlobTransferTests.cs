using System.Security.Cryptography;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Azure.Blobs;
using AzureML.Core.Backends.Azure.Rest;
using AzureML.Core.Data;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Blobs;

/// <summary>
/// Blob transfer through Azure.Storage.Blobs against Azurite, started by the fixture: a 2,000-file snapshot and a
/// 200 MB file round-trip byte for byte with MD5 checks; failures mid-way are retried or reported with nothing committed.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class BlobTransferTests
{
    private AzuriteServer _azurite = null!;
    private TestFolder _folder = null!;

    [OneTimeSetUp]
    public void StartAzurite() => _azurite = AzuriteServer.Start(RepositoryPaths.Root);

    [OneTimeTearDown]
    public void StopAzurite() => _azurite?.Dispose();

    [SetUp]
    public void NewFolder() => _folder = new TestFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private static BlobTransfer Transfer(HttpPipelineTransport? transport = null, int concurrency = 8, long threshold = 64L * 1024 * 1024, long block = 8L * 1024 * 1024)
    {
        var options = new AzureMLClientOptions { BlobTransferConcurrency = concurrency, BlobSingleUploadThreshold = threshold, BlobBlockSize = block };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        if (transport is not null) options.Transport = transport;
        return new BlobTransfer(new AzureMLPipelines(options, new FakeTokenCredential()));
    }

    private string Container() => "c" + Guid.NewGuid().ToString("N")[..12];

    [Test]
    public async Task Snapshot_Of2000Files_RoundTripsByteIdentical()
    {
        var random = new Random(2000);
        var files = new List<DatastoreFileCopy>();
        for (int i = 0; i < 2000; i++)
        {
            string relative = $"src/pkg{i % 17}/sub{i % 5}/file_{i:D4}.txt";
            byte[] content = new byte[random.Next(0, 24 * 1024)];
            random.NextBytes(content);
            string local = _folder.Combine("in", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            await File.WriteAllBytesAsync(local, content);
            files.Add(new DatastoreFileCopy(local, "LocalUpload/snap/" + relative));
        }

        string name = Container();
        BlobTransfer transfer = Transfer();
        BlobContainerClient container = transfer.ContainerFromSas(_azurite.CreateContainerWithSas(name));
        var reports = new List<DatastoreTransferProgress>();
        FileTransferSummary summary = await transfer.UploadAsync(container, files, overwrite: false, new SyncProgress<DatastoreTransferProgress>(reports.Add), CancellationToken.None);

        Assert.That((summary.FilesCopied, summary.FilesSkipped), Is.EqualTo((2000, 0)));
        Assert.That(reports[^1].FilesDone, Is.EqualTo(2000));
        Assert.That(reports[^1].BytesDone, Is.EqualTo(reports[^1].BytesTotal));

        IReadOnlyList<DatastoreFileInfo> listed = await transfer.ListAsync(container, "LocalUpload/snap/", CancellationToken.None);
        Assert.That(listed, Has.Count.EqualTo(2000));

        foreach (DatastoreFileCopy file in files)
        {
            string back = _folder.Combine("out", file.PathOnDatastore);
            await transfer.DownloadAsync(container, file.PathOnDatastore, back, CancellationToken.None);
            Assert.That(await File.ReadAllBytesAsync(back), Is.EqualTo(await File.ReadAllBytesAsync(file.LocalPath)), file.PathOnDatastore);
        }

        BlobProperties stored = (await _azurite.Container(name).GetBlobClient(files[7].PathOnDatastore).GetPropertiesAsync()).Value;
        Assert.That(stored.ContentHash, Is.EqualTo(MD5.HashData(await File.ReadAllBytesAsync(files[7].LocalPath))), "the whole-file MD5 is stored with the blob");

        FileTransferSummary again = await transfer.UploadAsync(container, files.Take(10).ToList(), overwrite: false, null, CancellationToken.None);
        Assert.That((again.FilesCopied, again.FilesSkipped), Is.EqualTo((0, 10)), "existing blobs are left alone without overwrite");
    }

    [Test]
    public async Task File_Of200MB_UploadsInParallelBlocks_AndRoundTripsWithItsMd5()
    {
        string local = _folder.Combine("big.bin");
        byte[] md5 = await WriteRandomFileAsync(local, 200L * 1024 * 1024, seed: 200);
        string name = Container();
        BlobTransfer transfer = Transfer();
        BlobContainerClient container = transfer.ContainerFromSas(_azurite.CreateContainerWithSas(name));
        long lastBytes = 0;
        int reportsDuringFile = 0;
        var progress = new SyncProgress<DatastoreTransferProgress>(p =>
        {
            if (p.FilesDone == 0) reportsDuringFile++;
            lastBytes = p.BytesDone;
        });

        await transfer.UploadAsync(container, new[] { new DatastoreFileCopy(local, "models/big.bin") }, overwrite: true, progress, CancellationToken.None);

        BlockList blocks = (await _azurite.Container(name).GetBlockBlobClient("models/big.bin").GetBlockListAsync()).Value;
        Assert.That(blocks.CommittedBlocks.Count(), Is.EqualTo(25), "200 MB in 8 MB blocks");
        Assert.That(reportsDuringFile, Is.GreaterThan(1), "progress is reported while the file's blocks go up");
        Assert.That(lastBytes, Is.EqualTo(200L * 1024 * 1024));

        string back = _folder.Combine("back.bin");
        long length = await transfer.DownloadAsync(container, "models/big.bin", back, CancellationToken.None);
        Assert.That(length, Is.EqualTo(200L * 1024 * 1024));
        await using FileStream stream = File.OpenRead(back);
        Assert.That(await MD5.HashDataAsync(stream), Is.EqualTo(md5));
    }

    [Test]
    public async Task TransientFailureMidUpload_IsRetried()
    {
        string local = _folder.Combine("mid.bin");
        byte[] md5 = await WriteRandomFileAsync(local, 20L * 1024 * 1024, seed: 20);
        int blockRequests = 0;
        var transport = new FaultInjectingTransport((request, _) =>
            IsPutBlock(request) && Interlocked.Increment(ref blockRequests) == 3 ? 503 : null);
        string name = Container();
        BlobTransfer transfer = Transfer(transport, concurrency: 2, threshold: 4L * 1024 * 1024, block: 4L * 1024 * 1024);
        BlobContainerClient container = transfer.ContainerFromSas(_azurite.CreateContainerWithSas(name));

        await transfer.UploadAsync(container, new[] { new DatastoreFileCopy(local, "mid.bin") }, overwrite: true, null, CancellationToken.None);

        Assert.That(transport.Injected, Is.EqualTo(1));
        BlobProperties stored = (await _azurite.Container(name).GetBlobClient("mid.bin").GetPropertiesAsync()).Value;
        Assert.That((stored.ContentLength, stored.ContentHash), Is.EqualTo((20L * 1024 * 1024, md5)));
    }

    [Test]
    public async Task PersistentFailureMidUpload_IsReported_AndCommitsNothing()
    {
        string local = _folder.Combine("fail.bin");
        await WriteRandomFileAsync(local, 20L * 1024 * 1024, seed: 21);
        string name = Container();
        BlobTransfer good = Transfer(threshold: 4L * 1024 * 1024, block: 4L * 1024 * 1024);
        BlobContainerClient goodContainer = good.ContainerFromSas(_azurite.CreateContainerWithSas(name));
        string previous = _folder.Write("previous.txt", "the version before");
        await good.UploadAsync(goodContainer, new[] { new DatastoreFileCopy(previous, "kept.bin") }, overwrite: true, null, CancellationToken.None);

        int blockRequests = 0;
        var transport = new FaultInjectingTransport((request, _) => IsPutBlock(request) && Interlocked.Increment(ref blockRequests) > 2 ? 500 : null);
        BlobTransfer failing = Transfer(transport, concurrency: 2, threshold: 4L * 1024 * 1024, block: 4L * 1024 * 1024);
        BlobContainerClient container = failing.ContainerFromSas(_azurite.CreateContainerWithSas(name));

        var ex = Assert.ThrowsAsync<AzureMLException>(() => failing.UploadAsync(container,
            new[] { new DatastoreFileCopy(local, "new.bin"), new DatastoreFileCopy(local, "kept.bin") }, overwrite: true, null, CancellationToken.None));

        Assert.That(ex!.ErrorCode, Is.EqualTo(AzureMLErrorCode.TransferFailed));
        Assert.That(ex.Message, Does.Contain(".bin").And.Contain("Nothing of that file was committed").And.Not.Contain("sig="));
        Assert.That(transport.Injected, Is.GreaterThan(1), "the failing block was retried before giving up");
        Assert.That((await _azurite.Container(name).GetBlobClient("new.bin").ExistsAsync()).Value, Is.False, "no partial blob");
        BlobDownloadResult kept = (await _azurite.Container(name).GetBlobClient("kept.bin").DownloadContentAsync()).Value;
        Assert.That(kept.Content.ToString(), Is.EqualTo("the version before"), "an existing blob keeps its old content");
    }

    [Test]
    public async Task Download_WithAWrongMd5_IsRefused_AndWritesNothing()
    {
        string local = _folder.Write("data.csv", "a,b\n1,2\n");
        string name = Container();
        BlobTransfer transfer = Transfer();
        BlobContainerClient container = transfer.ContainerFromSas(_azurite.CreateContainerWithSas(name));
        await transfer.UploadAsync(container, new[] { new DatastoreFileCopy(local, "data.csv") }, overwrite: true, null, CancellationToken.None);
        await _azurite.Container(name).GetBlobClient("data.csv").SetHttpHeadersAsync(new BlobHttpHeaders { ContentHash = MD5.HashData("other"u8.ToArray()) });

        string target = _folder.Combine("out", "data.csv");
        var ex = Assert.ThrowsAsync<AzureMLException>(() => transfer.DownloadAsync(container, "data.csv", target, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("does not match its MD5"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(target)!), Is.Empty, "no partial or corrupt file is left");
    }

    private static bool IsPutBlock(Request request) => request.Method == RequestMethod.Put && request.Uri.Query.Contains("comp=block&", StringComparison.Ordinal);

    private static async Task<byte[]> WriteRandomFileAsync(string path, long length, int seed)
    {
        var random = new Random(seed);
        byte[] buffer = new byte[1 << 20];
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        await using FileStream stream = File.Create(path);
        for (long written = 0; written < length; written += buffer.Length)
        {
            random.NextBytes(buffer);
            int count = (int)Math.Min(buffer.Length, length - written);
            await stream.WriteAsync(buffer.AsMemory(0, count));
            md5.AppendData(buffer, 0, count);
        }

        return md5.GetHashAndReset();
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly object _gate = new();

        public void Report(T value)
        {
            lock (_gate) report(value);
        }
    }
}
