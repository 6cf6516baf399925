using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

public class DatasetFileTests : LocalWorkspaceTest
{
    private Datastore _datastore = null!;

    [SetUp]
    public void SetUp()
    {
        _datastore = Ws.GetDefaultDatastore();
        Folder.Write("images/cat.png", "cat");
        Folder.Write("images/dogs/dog1.png", "dog1");
        Folder.Write("images/dogs/readme.txt", "text");
    }

    [Test]
    public void UploadDirectory_Pattern_UploadsMatchingFilesAndReturnsDataset()
    {
        FileDataset dataset = Dataset.File.UploadDirectory(Folder.Combine("images"), (_datastore, "pets"), pattern: "*.png", showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.ToPath(), Is.EqualTo(new[] { "/cat.png", "/dogs/dog1.png" }));
            Assert.That(File.Exists(Folder.Combine("ws", "datastores", "workspaceblobstore", "pets", "dogs", "readme.txt")), Is.False);
        });
    }

    [Test]
    public void UploadDirectory_LocalTarget_Refused()
    {
        Assert.That(() => Dataset.File.UploadDirectory(Folder.Combine("images"), Folder.Combine("elsewhere"), showProgress: false),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("not a datastore path"));
    }

    [TestCase("pets", new[] { "/cat.png", "/dogs/dog1.png", "/dogs/readme.txt" })]
    [TestCase("pets/**/*.png", new[] { "/cat.png", "/dogs/dog1.png" })]
    [TestCase("pets/*/*.png", new[] { "/dogs/dog1.png" })]
    [TestCase("pets/dogs/dog1.png", new[] { "/dog1.png" })]
    public void FromFiles_DatastorePathOrGlob_ToPathRelativeToBase(string path, string[] expected)
    {
        _datastore.Upload(Folder.Combine("images"), "pets", showProgress: false);

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
        FileDataset dataset = Dataset.File.FromFiles(Folder.Combine("images"));
        string target = Folder.Combine("out");
        Folder.Write("out/dogs/dog1.png", "old");

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
        IReadOnlyList<string> written = Dataset.File.FromFiles(Folder.Combine("images", "cat.png")).Download();
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
        Dataset.File.UploadDirectory(Folder.Combine("images"), (_datastore, "pets"), showProgress: false).Register(Ws, "pets");
        var dataset = (FileDataset)Ws.Datasets["pets"];
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
        Folder.Write("busy/file.txt", "x");

        Assert.That(() => Dataset.File.FromFiles(Folder.Combine("images")).Mount(Folder.Combine("busy")),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("not empty"));
        Assert.That(File.Exists(Folder.Combine("busy", "file.txt")), Is.True);
    }
}
