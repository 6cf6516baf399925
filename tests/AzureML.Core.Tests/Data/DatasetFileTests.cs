using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

public class DatasetFileTests
{
    private TestFolder _folder = null!;
    private Workspace _workspace = null!;
    private Datastore _datastore = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TestFolder();
        _workspace = Workspace.Local(_folder.Combine("ws"));
        _datastore = _workspace.GetDefaultDatastore();
        _folder.Write("images/cat.png", "cat");
        _folder.Write("images/dogs/dog1.png", "dog1");
        _folder.Write("images/dogs/readme.txt", "text");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void UploadDirectory_Pattern_UploadsMatchingFilesAndReturnsDataset()
    {
        FileDataset dataset = Dataset.File.UploadDirectory(_folder.Combine("images"), (_datastore, "pets"), pattern: "*.png", showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.ToPath(), Is.EqualTo(new[] { "/cat.png", "/dogs/dog1.png" }));
            Assert.That(File.Exists(_folder.Combine("ws", "datastores", "workspaceblobstore", "pets", "dogs", "readme.txt")), Is.False);
        });
    }

    [Test]
    public void UploadDirectory_LocalTarget_Refused()
    {
        Assert.That(() => Dataset.File.UploadDirectory(_folder.Combine("images"), _folder.Combine("elsewhere"), showProgress: false),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("not a datastore path"));
    }

    [TestCase("pets", new[] { "/cat.png", "/dogs/dog1.png", "/dogs/readme.txt" })]
    [TestCase("pets/**/*.png", new[] { "/cat.png", "/dogs/dog1.png" })]
    [TestCase("pets/*/*.png", new[] { "/dogs/dog1.png" })]
    [TestCase("pets/dogs/dog1.png", new[] { "/dog1.png" })]
    public void FromFiles_DatastorePathOrGlob_ToPathRelativeToBase(string path, string[] expected)
    {
        _datastore.Upload(_folder.Combine("images"), "pets", showProgress: false);

        Assert.That(Dataset.File.FromFiles((_datastore, path)).ToPath(), Is.EqualTo(expected));
    }

    [Test]
    public void FromFiles_NoMatch_RefusedWhenValidating()
    {
        Assert.That(() => Dataset.File.FromFiles((_datastore, "nothing/*.png")), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("azureml://datastores/workspaceblobstore/paths/nothing/*.png"));
    }

    [Test]
    public void Download_ExistingFileWithoutOverwrite_FailsBeforeCopying()
    {
        FileDataset dataset = Dataset.File.FromFiles(_folder.Combine("images"));
        string target = _folder.Combine("out");
        _folder.Write("out/dogs/dog1.png", "old");

        Assert.That(() => dataset.Download(target), Throws.TypeOf<UserErrorException>().With.Message.Contains("dog1.png").And.Message.Contains("overwrite: true"));
        Assert.That(File.Exists(Path.Combine(target, "cat.png")), Is.False);

        IReadOnlyList<string> written = dataset.Download(target, overwrite: true);
        Assert.Multiple(() =>
        {
            Assert.That(written.Select(p => Path.GetRelativePath(target, p).Replace('\\', '/')), Is.EqualTo(new[] { "cat.png", "dogs/dog1.png", "dogs/readme.txt" }));
            Assert.That(File.ReadAllText(Path.Combine(target, "dogs", "dog1.png")), Is.EqualTo("dog1"));
        });
    }

    [Test]
    public void Download_NoTarget_UsesNewTemporaryFolder()
    {
        IReadOnlyList<string> written = Dataset.File.FromFiles(_folder.Combine("images", "cat.png")).Download();
        try
        {
            Assert.That(File.ReadAllText(written.Single()), Is.EqualTo("cat"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(written.Single())!, recursive: true);
        }
    }

    [Test]
    public void Mount_Registered_ReadOnlyFilesUntilDisposed()
    {
        Dataset.File.UploadDirectory(_folder.Combine("images"), (_datastore, "pets"), showProgress: false).Register(_workspace, "pets");
        var dataset = (FileDataset)_workspace.Datasets["pets"];
        string mountPoint;

        using (FileDatasetMountContext context = dataset.Mount())
        {
            mountPoint = context.MountPoint;
            string file = Path.Combine(mountPoint, "dogs", "dog1.png");
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(file), Is.EqualTo("dog1"));
                Assert.That(File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly), Is.True);
                if (!OperatingSystem.IsWindows()) Assert.That(File.GetUnixFileMode(file) & UnixFileMode.UserWrite, Is.EqualTo(UnixFileMode.None));
            });
        }

        Assert.That(Directory.Exists(mountPoint), Is.False);
    }

    [Test]
    public void Mount_NonEmptyMountPoint_Refused()
    {
        _folder.Write("busy/file.txt", "x");

        Assert.That(() => Dataset.File.FromFiles(_folder.Combine("images")).Mount(_folder.Combine("busy")),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("not empty"));
        Assert.That(File.Exists(_folder.Combine("busy", "file.txt")), Is.True);
    }
}
