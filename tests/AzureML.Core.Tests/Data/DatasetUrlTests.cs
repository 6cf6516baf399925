using System.Net;
using System.Net.Sockets;
using System.Text;
using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

/// <summary>URL sources, served from a loopback socket on a free port (no internet needed).</summary>
public class DatasetUrlTests : LocalWorkspaceTest
{
    private LoopbackServer _server = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new LoopbackServer(new Dictionary<string, string>
        {
            ["/data/train.csv"] = "a,b\n1,x\n2,y\n",
            ["/data/more.csv"] = "a,b\n3,z\n",
        });
    }

    [TearDown]
    public void TearDown()
    {
        _server.Dispose();
    }

    [Test]
    public void ToDataFrame_UrlAndLocalFile_ReadsBothInOrder()
    {
        string local = Folder.Write("local.csv", "a,b\n0,w\n");

        DataFrame df = Dataset.Tabular.FromDelimitedFiles([local, _server.Url("/data/train.csv"), _server.Url("/data/more.csv")]).ToDataFrame();

        Assert.That(Enumerable.Range(0, df.RowCount).Select(r => df["a"].GetInt64(r)), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void RegisterAndRead_UrlDataset_FetchedOnEachMaterialization()
    {
        Workspace workspace = Workspace.Local(Folder.Combine("ws"));
        Dataset.Tabular.FromDelimitedFiles(_server.Url("/data/train.csv")).Register(workspace, "remote");

        int rows = workspace.Datasets["remote"].ToDataFrame().RowCount;

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(2));
            Assert.That(_server.Requests, Is.EqualTo(1), "a read fetches each URL once, even when the reader re-opens the file");
        });
    }

    [Test]
    public void FileDataset_UrlDownload_KeepsFileName()
    {
        IReadOnlyList<string> files = Dataset.File.FromFiles(_server.Url("/data/more.csv")).Download(Folder.Combine("out"));

        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "more.csv" }));
    }

    [Test]
    public void ToDataFrame_UrlNotFound_NamesUrlAndStatus()
    {
        string url = _server.Url("/missing.csv");

        Assert.That(() => Dataset.Tabular.FromDelimitedFiles(url).ToDataFrame(), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains(url).And.Message.Contains("404"));
    }

    [Test]
    public void FromDelimitedFiles_OtherScheme_Refused()
    {
        Assert.That(() => Dataset.Tabular.FromDelimitedFiles("wasbs://container@account.blob.core.windows.net/a.csv"),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("'wasbs' scheme"));
    }

    /// <summary>A minimal HTTP/1.1 server on 127.0.0.1 and a port the OS picks: GET of a known path → 200, else 404.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Dictionary<string, string> _files;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _requests;

        public LoopbackServer(Dictionary<string, string> files)
        {
            _files = files;
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public int Requests => Volatile.Read(ref _requests);

        public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                using (client)
                {
                    NetworkStream stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.ASCII);
                    string requestLine = await reader.ReadLineAsync() ?? "";
                    while (!string.IsNullOrEmpty(await reader.ReadLineAsync())) { }
                    Interlocked.Increment(ref _requests);
                    string path = requestLine.Split(' ').ElementAtOrDefault(1) ?? "";
                    bool found = _files.TryGetValue(path, out string? body);
                    byte[] content = Encoding.UTF8.GetBytes(body ?? "not found");
                    string head = $"HTTP/1.1 {(found ? "200 OK" : "404 Not Found")}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                    await stream.WriteAsync(content);
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
