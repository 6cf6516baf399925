using System.Collections.Concurrent;
using System.Text;
using AzureML.Core.Backends.Local;
using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

public class DatastoreTests : LocalWorkspaceTest
{
    private const string AccountKey = "c2VjcmV0LWFjY291bnQta2V5LXRoYXQtbXVzdC1uZXZlci1sZWFr";
    private const string SasToken = "sv=2022-11-02&ss=b&sig=SuperSecretSignatureValue42";

    [Test]
    public void GetDefaultDatastore_NewWorkspace_IsWorkspaceBlobStoreFolder()
    {
        Datastore datastore = Ws.GetDefaultDatastore();

        Assert.Multiple(() =>
        {
            Assert.That(datastore.Name, Is.EqualTo("workspaceblobstore"));
            Assert.That(datastore, Is.InstanceOf<AzureBlobDatastore>());
            Assert.That(datastore.IsDefault, Is.True);
            Assert.That(Directory.Exists(Folder.Combine("ws", "datastores", "workspaceblobstore")), Is.True);
            Assert.That(Ws.Datastores.Keys, Does.Contain("workspaceblobstore"));
        });
    }

    [Test]
    public void Get_Unknown_ListsRegisteredDatastores()
    {
        LocalFolderDatastore.RegisterLocalFolder(Ws, "raw_data", Folder.Combine("raw"));

        Assert.That(() => Datastore.Get(Ws, "nope"), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("'nope'").And.Message.Contains("raw_data").And.Message.Contains("workspaceblobstore"));
    }

    [Test]
    public void Datastores_MissingKey_ThrowsKeyNotFoundNamingKeyAndExisting()
    {
        Assert.That(() => Ws.Datastores["missing"], Throws.TypeOf<KeyNotFoundException>()
            .With.Message.Contains("'missing'").And.Message.Contains("workspaceblobstore"));
    }

    [Test]
    public void RegisterAzureBlobContainer_AccountKey_RecordedWithoutExposingSecret()
    {
        AzureBlobDatastore datastore = AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "training_data", "training", "mystorageacct",
            accountKey: AccountKey);

        Datastore reread = Datastore.Get(Ws, "training_data");
        Assert.Multiple(() =>
        {
            Assert.That(reread, Is.InstanceOf<AzureBlobDatastore>());
            var blob = (AzureBlobDatastore)reread;
            Assert.That(blob.AccountName, Is.EqualTo("mystorageacct"));
            Assert.That(blob.ContainerName, Is.EqualTo("training"));
            Assert.That(blob.Protocol, Is.EqualTo("https"));
            Assert.That(blob.Endpoint, Is.EqualTo("core.windows.net"));
            Assert.That(blob.CredentialType, Is.EqualTo("AccountKey"));
            Assert.That(datastore.ToString(), Does.Not.Contain(AccountKey));
        });
    }

    [TestCase(AccountKey, null)]
    [TestCase(null, SasToken)]
    public void RegisterAzureBlobContainer_Secret_NotInPlainTextAnywhereInWorkspace(string? accountKey, string? sasToken)
    {
        AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "secured", "container1", "account1", sasToken: sasToken, accountKey: accountKey);
        _ = Ws.Datastores; // a read after the write, as a user would do

        string secret = accountKey ?? sasToken!;
        byte[][] needles = [Encoding.UTF8.GetBytes(secret), Encoding.Unicode.GetBytes(secret), Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)))];
        foreach (string file in Directory.EnumerateFiles(Folder.Combine("ws"), "*", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(file);
            foreach (byte[] needle in needles)
            {
                Assert.That(bytes.AsSpan().IndexOf(needle), Is.EqualTo(-1), $"the secret was found in {file}");
            }
        }
    }

    [Test]
    public void RegisterAzureBlobContainer_Secret_KeyFileOwnerOnlyAndCiphertextDecryptsWithIt()
    {
        AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "secured", "container1", "account1", sasToken: SasToken);

        string keyFile = Folder.Combine("ws", LocalSecretProtector.KeyFileName);
        var backend = (LocalBackend)Ws.Backend;
        byte[] sealedSecret = backend.Database.Read(c => (byte[])LocalRunStore.Scalar(c, null, "SELECT secret FROM datastores WHERE name = 'secured';")!);
        Assert.Multiple(() =>
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }

            Assert.That(new LocalSecretProtector(Folder.Combine("ws")).Unprotect(sealedSecret, "secured"), Is.EqualTo(SasToken));
            Assert.That(() => new LocalSecretProtector(Folder.Combine("ws")).Unprotect(sealedSecret, "other"), Throws.TypeOf<AzureMLException>());
        });
    }

    [Test]
    public void RegisterAzureBlobContainer_BothCredentials_Refused()
    {
        Assert.That(() => AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "both", "container1", "account1", sasToken: SasToken, accountKey: AccountKey),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("either sasToken or accountKey"));
    }

    [TestCase("bad-name", "container1", "account1", "Datastore name")]
    [TestCase("ok_name", "Container_1", "account1", "Container name")]
    [TestCase("ok_name", "container1", "Account-1", "Storage account name")]
    [TestCase("workspaceblobstore", "container1", "account1", "workspace's own datastore")]
    public void RegisterAzureBlobContainer_InvalidName_StatesTheRule(string name, string container, string account, string expected)
    {
        Assert.That(() => AzureBlobDatastore.RegisterAzureBlobContainer(Ws, name, container, account),
            Throws.TypeOf<UserErrorException>().With.Message.Contains(expected));
    }

    [Test]
    public void RegisterAzureBlobContainer_ExistingName_NeedsOverwrite()
    {
        AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "store", "container1", "account1");

        Assert.Multiple(() =>
        {
            Assert.That(() => AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "store", "container2", "account1"),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("overwrite: true"));
            Assert.That(AzureBlobDatastore.RegisterAzureBlobContainer(Ws, "store", "container2", "account1", overwrite: true).ContainerName,
                Is.EqualTo("container2"));
        });
    }

    [Test]
    public void RegisterLocalFolder_ExistingFiles_ListedThroughDataset()
    {
        Folder.Write("raw/a.csv", "x\n1\n");
        Folder.Write("raw/sub/b.csv", "x\n2\n");

        LocalFolderDatastore datastore = LocalFolderDatastore.RegisterLocalFolder(Ws, "raw", Folder.Combine("raw"));

        Assert.Multiple(() =>
        {
            Assert.That(datastore.LocalPath, Is.EqualTo(Folder.Combine("raw")));
            Assert.That(Datastore.Get(Ws, "raw"), Is.InstanceOf<LocalFolderDatastore>());
            Assert.That(Dataset.File.FromFiles((datastore, "**/*.csv")).ToPath(), Is.EqualTo(new[] { "/a.csv", "/sub/b.csv" }));
        });
    }

    [Test]
    public void Upload_Folder_CopiesTreeAndReportsProgress()
    {
        Folder.Write("src/a.txt", "aaaa");
        Folder.Write("src/deep/b.txt", "bb");
        Datastore datastore = Ws.GetDefaultDatastore();
        var reports = new ConcurrentQueue<DatastoreTransferProgress>();

        DataPath target = datastore.Upload(Folder.Combine("src"), "uploads/run1", showProgress: false, progress: new SyncProgress(reports.Enqueue));

        string root = Folder.Combine("ws", "datastores", "workspaceblobstore", "uploads", "run1");
        DatastoreTransferProgress last = reports.OrderBy(r => r.FilesDone).Last();
        Assert.Multiple(() =>
        {
            Assert.That(target.Path, Is.EqualTo("uploads/run1"));
            Assert.That(File.ReadAllText(Path.Combine(root, "a.txt")), Is.EqualTo("aaaa"));
            Assert.That(File.ReadAllText(Path.Combine(root, "deep", "b.txt")), Is.EqualTo("bb"));
            Assert.That(reports, Has.Count.EqualTo(2));
            Assert.That(last, Is.EqualTo(new DatastoreTransferProgress(2, 2, 0, 6, 6)));
        });
    }

    [Test]
    [NonParallelizable] // redirects Console.Out for the whole process
    public void Upload_ShowProgress_PrintsFilesAndBytes()
    {
        Folder.Write("src/a.txt", "aaaa");
        TextWriter original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            Ws.GetDefaultDatastore().Upload(Folder.Combine("src"), "shown", showProgress: true);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.That(output.ToString(), Does.Contain("Uploaded 1/1 files"));
    }

    [Test]
    public void Upload_ExistingWithoutOverwrite_SkipsAndKeepsOldContent()
    {
        Folder.Write("src/a.txt", "new");
        Datastore datastore = Ws.GetDefaultDatastore();
        string existing = Folder.Write("ws/datastores/workspaceblobstore/t/a.txt", "old");
        var reports = new ConcurrentQueue<DatastoreTransferProgress>();

        datastore.Upload(Folder.Combine("src"), "t", overwrite: false, showProgress: false, progress: new SyncProgress(reports.Enqueue));
        string afterSkip = File.ReadAllText(existing);
        datastore.Upload(Folder.Combine("src"), "t", overwrite: true, showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(afterSkip, Is.EqualTo("old"));
            Assert.That(reports.Single().FilesSkipped, Is.EqualTo(1));
            Assert.That(File.ReadAllText(existing), Is.EqualTo("new"));
        });
    }

    [Test]
    public void UploadFiles_RelativeRoot_KeepsPathsBelowIt()
    {
        string a = Folder.Write("data/x/a.txt", "a");
        string b = Folder.Write("data/y/b.txt", "b");
        Datastore datastore = Ws.GetDefaultDatastore();

        datastore.UploadFiles([a, b], relativeRoot: Folder.Combine("data"), targetPath: "files", showProgress: false);
        datastore.UploadFiles([a, b], targetPath: "common", showProgress: false);

        Assert.That(Dataset.File.FromFiles((datastore, "files")).ToPath(), Is.EqualTo(new[] { "/x/a.txt", "/y/b.txt" }));
        Assert.That(Dataset.File.FromFiles((datastore, "common")).ToPath(), Is.EqualTo(new[] { "/x/a.txt", "/y/b.txt" }));
    }

    [Test]
    public void UploadFiles_FileOutsideRelativeRoot_Refused()
    {
        string a = Folder.Write("data/a.txt", "a");
        string outside = Folder.Write("other/b.txt", "b");

        Assert.That(() => Ws.GetDefaultDatastore().UploadFiles([a, outside], relativeRoot: Folder.Combine("data"), showProgress: false),
            Throws.TypeOf<UserErrorException>().With.Message.Contains(outside).And.Message.Contains("relativeRoot"));
    }

    [Test]
    public void Download_Prefix_CopiesMatchingFilesAndCounts()
    {
        Folder.Write("src/train/a.csv", "a");
        Folder.Write("src/train/b.csv", "b");
        Folder.Write("src/test/c.csv", "c");
        Datastore datastore = Ws.GetDefaultDatastore();
        datastore.Upload(Folder.Combine("src"), "ds", showProgress: false);

        var reports = new ConcurrentQueue<DatastoreTransferProgress>();
        int count = datastore.Download(Folder.Combine("out"), prefix: "ds/train", showProgress: false, progress: new SyncProgress(reports.Enqueue));
        int again = datastore.Download(Folder.Combine("out"), prefix: "ds/train", overwrite: false, showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(2));
            Assert.That(reports.Max(r => r.BytesDone), Is.EqualTo(2), "bytes of a.csv and b.csv");
            Assert.That(again, Is.EqualTo(0), "existing files are skipped without overwrite");
            Assert.That(File.ReadAllText(Folder.Combine("out", "ds", "train", "b.csv")), Is.EqualTo("b"));
            Assert.That(File.Exists(Folder.Combine("out", "ds", "test", "c.csv")), Is.False);
        });
    }

    [TestCase("../outside")]
    [TestCase("a/../../outside")]
    [TestCase("/etc/passwd")]
    [TestCase("..\\outside")]
    public void Path_EscapingTheDatastore_Refused(string path)
    {
        Datastore datastore = Ws.GetDefaultDatastore();
        Folder.Write("src/a.txt", "a");

        Assert.Multiple(() =>
        {
            Assert.That(() => datastore.Path(path), Throws.TypeOf<UserErrorException>().With.Message.Contains("workspaceblobstore"));
            Assert.That(() => datastore.Upload(Folder.Combine("src"), path, showProgress: false), Throws.TypeOf<UserErrorException>());
            Assert.That(() => datastore.Download(Folder.Combine("out"), prefix: path, showProgress: false), Throws.TypeOf<UserErrorException>());
            Assert.That(() => Dataset.File.FromFiles((datastore, path)), Throws.TypeOf<UserErrorException>());
        });
        Assert.That(File.Exists(Folder.Combine("ws", "datastores", "outside", "a.txt")), Is.False);
    }

    [Test]
    public void Path_InsideWithDotSegments_Normalized()
    {
        DataPath path = Ws.GetDefaultDatastore().Path("./a/b/../c.csv");

        Assert.That(path.ToString(), Is.EqualTo("azureml://datastores/workspaceblobstore/paths/a/c.csv"));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
    private sealed class SyncProgress(Action<DatastoreTransferProgress> report) : IProgress<DatastoreTransferProgress>
    {
        public void Report(DatastoreTransferProgress value) => report(value);
    }
}
