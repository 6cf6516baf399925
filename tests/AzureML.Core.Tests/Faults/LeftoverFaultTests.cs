using AzureML.Core.Internal;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>
/// A registration or an upload killed part-way leaves its temporary files; once they are stale (their writer gone and
/// the safe age passed) the next registration, or the next opening of the workspace, removes them, and nothing
/// half-written is ever visible.
/// </summary>
[Category("Integration")]
[Category(FaultSuite.Category)]
public class LeftoverFaultTests : LocalWorkspaceTest
{
    private const int Kills = 3;
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_pastTheSafeAge = FileWriting.StaleAfter + TimeSpan.FromMinutes(1);

    [Test]
    public void Register_KilledPartWayThreeTimes_NoVersionAppearsAndTheNextRegistrationSweepsTheStaging()
    {
        string model = Folder.Combine("big-model");
        // Large enough that an idle machine is still copying when the kill arrives (the probe that found the leak used 196 MB).
        for (int i = 0; i < 24; i++) WriteRandom(Path.Combine(model, $"shard{i:00}.bin"), 8 * 1024 * 1024, i);
        string staging = Folder.Combine("ws", "models", ".staging");

        for (int kill = 0; kill < Kills; kill++)
        {
            using FaultProbe registration = FaultProbe.Start("register", Folder.Combine("ws"), model, "big");
            FaultProbe.WaitUntil(() => Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Count() > kill * 24 + 2,
                s_patience, "the registration to be copying");
            registration.Kill();
        }

        long leaked = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        int leftovers = Directory.GetDirectories(staging).Length;
        FaultProbe.AgeEverything(staging, s_pastTheSafeAge);
        Model registered = Model.Register(Ws, Folder.Write("small/model.txt", "small"), "big");

        Assert.Multiple(() =>
        {
            Assert.That(leftovers, Is.EqualTo(Kills), "each killed registration left its staging folder");
            Assert.That(registered.Version, Is.EqualTo(1), "no killed registration took a version number");
            Assert.That(Model.List(Ws, "big").Select(m => m.Version), Is.EqualTo(new[] { 1 }));
            Assert.That(Directory.EnumerateFileSystemEntries(staging), Is.Empty, "the next registration swept the stale staging folders");
        });
        FaultTable.Record($"kill -9 during Model.Register of a 192 MB folder, {Kills} times", "no half-registered version; stale staging swept by the next registration",
            $"{leftovers} staging folders ({leaked / (1024.0 * 1024.0):0.0} MB) left, 0 after the next registration; next version 1");
    }

    [Test]
    public void Upload_KilledPartWay_TemporaryFilesAreNeverListedAndTheNextOpenSweepsThem()
    {
        string source = Folder.Combine("upload");
        for (int i = 0; i < 6; i++) WriteRandom(Path.Combine(source, $"part{i}.bin"), 24 * 1024 * 1024, i);
        string target = Folder.Combine("ws", "datastores", "workspaceblobstore", "data");

        int killed = 0;
        List<string> temporaries = [];
        while (temporaries.Count == 0 && killed < 5)
        {
            using FaultProbe upload = FaultProbe.Start("upload", Folder.Combine("ws"), source, "data");
            FaultProbe.WaitUntil(() => TemporaryFiles(target).Any(), s_patience, "the upload to be writing");
            upload.Kill();
            killed++;
            temporaries = TemporaryFiles(target).ToList();
        }

        List<string> listedBefore = Ws.Backend.Datastores.ListFilesAsync("workspaceblobstore", "data", CancellationToken.None).ToBlockingEnumerable()
            .Select(f => f.Path).ToList();
        FaultProbe.AgeEverything(Folder.Combine("ws"), s_pastTheSafeAge);
        Workspace reopened = Workspace.Local(Folder.Combine("ws"));

        Assert.Multiple(() =>
        {
            Assert.That(temporaries, Is.Not.Empty, "a killed upload leaves its temporary files");
            Assert.That(listedBefore, Has.None.EndsWith(".tmp"), "a temporary file is never listed as content");
            Assert.That(TemporaryFiles(target), Is.Empty, "opening the workspace swept them");
            Assert.That(Directory.EnumerateFiles(target).Select(Path.GetFileName), Is.All.Matches<string?>(n => n!.StartsWith("part", StringComparison.Ordinal)));
            Assert.That(reopened.GetDefaultDatastore().Name, Is.EqualTo("workspaceblobstore"));
        });
        FaultTable.Record("kill -9 during Datastore.Upload (6 x 24 MB)", "temporary files never listed; swept when the workspace is next opened",
            $"{temporaries.Count} temporary file(s) after {killed} kill(s); 0 after reopening");
    }

    private static IEnumerable<string> TemporaryFiles(string folder)
        => Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Where(f => FileWriting.IsTemporaryName(Path.GetFileName(f))) : [];

    private static void WriteRandom(string path, int bytes, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var content = new byte[bytes];
        new Random(seed).NextBytes(content);
        File.WriteAllBytes(path, content);
    }
}
