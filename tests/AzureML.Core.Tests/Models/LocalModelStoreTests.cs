using System.Text;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Local;
using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

public class LocalModelStoreTests : LocalWorkspaceTest
{

    private LocalModelStore Store => (LocalModelStore)Ws.Backend.Models;

    private static ModelFileSource Text(string name, string content)
        => new(name, _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(content))));

    private static ModelRegistration Registration(params ModelFileSource[] files)
        => new() { Name = "m", Files = files, Framework = Model.Framework.Custom };

    [Test]
    public void RegisterAsync_FileFailsMidway_LeavesNoRowNoFilesAndTheNumberFree()
    {
        var failing = new ModelFileSource("outputs/b.bin", _ => throw new IOException("disk gone"));

        Assert.That(async () => await Store.RegisterAsync(Registration(Text("outputs/a.txt", "a"), failing), CancellationToken.None),
            Throws.TypeOf<IOException>());

        Assert.Multiple(() =>
        {
            Assert.That(Model.List(Ws), Is.Empty);
            Assert.That(Directory.Exists(Store.GetLocalFolder("m", 1)), Is.False);
            Assert.That(Directory.EnumerateFileSystemEntries(Folder.Combine("ws", "models", ".staging")), Is.Empty);
            Assert.That(Model.Register(Ws, Folder.Write("model.pkl", "ok"), "m").Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RegisterAsync_FolderLeftByACrash_IsReplacedByTheRegisteredFiles()
    {
        // A process that died between publishing its folder and committing its row left this behind.
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Store.GetLocalFolder("m", 1)).FullName, "stale.txt"), "stale");

        ModelRecord record = await Store.RegisterAsync(Registration(Text("model.pkl", "fresh")), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(record.Version, Is.EqualTo(1));
            Assert.That(Directory.GetFiles(Store.GetLocalFolder("m", 1)).Select(Path.GetFileName), Is.EqualTo(new[] { "model.pkl" }));
        });
    }

    [Test]
    public void RegisterAsync_FileNameEscapingTheModel_IsRefused()
        => Assert.That(async () => await Store.RegisterAsync(Registration(Text("../evil.txt", "x")), CancellationToken.None),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("'../evil.txt'"));

    [Test]
    public async Task ListAsync_Latest_IsTheNewestVersionOfEachName()
    {
        await Store.RegisterAsync(Registration(Text("a", "1")), CancellationToken.None);
        await Store.RegisterAsync(Registration(Text("a", "2")), CancellationToken.None);
        await Store.RegisterAsync(Registration(Text("a", "3")) with { Name = "n" }, CancellationToken.None);

        IReadOnlyList<ModelRecord> latest = await Store.ListAsync(new ModelQuery { Latest = true }, CancellationToken.None).ToListAsync();

        Assert.That(latest.Select(m => $"{m.Name}:{m.Version}"), Is.EqualTo(new[] { "m:2", "n:1" }));
    }
}
