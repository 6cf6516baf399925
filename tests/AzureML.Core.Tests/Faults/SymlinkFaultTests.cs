using AzureML.Core.Data;
using AzureML.Core.Webservices;
using NUnit.Framework;

namespace AzureML.Core.Tests.Faults;

/// <summary>
/// Symbolic links never carry files from outside a folder into what the SDK copies from it: a run's snapshot and
/// working copy, a registered model, a datastore upload, a dataset's files, a deployment's entry-script source. Links
/// inside the folder are copied as what they point to; those left out are named where the user looks.
/// </summary>
[Category("Integration")]
[Category(FaultSuite.Category)]
public class SymlinkFaultTests : LocalWorkspaceTest
{
    private const string Secret = "top secret, outside the folder";

    [TearDown]
    public void DeleteServices()
    {
        foreach (Webservice service in Webservice.List(Ws)) service.Delete();
    }

    /// <summary>A folder with a file, an inside file link, an inside folder link, and links to files outside it.</summary>
    private string FolderWithLinks(string name, params (string Name, string Content)[] files)
    {
        string folder = Folder.Combine(name);
        foreach ((string file, string content) in files) Folder.Write(Path.Combine(name, file), content);
        Folder.Write(Path.Combine(name, "realdata", "x.csv"), "a,b\n1,2\n");
        string secret = Folder.Write("outside/secret.txt", Secret);
        File.CreateSymbolicLink(Path.Combine(folder, "alias.csv"), "realdata/x.csv");
        Directory.CreateSymbolicLink(Path.Combine(folder, "data"), "realdata");
        File.CreateSymbolicLink(Path.Combine(folder, "secret.txt"), "../outside/secret.txt");
        File.CreateSymbolicLink(Path.Combine(folder, "absolute.txt"), secret);
        File.CreateSymbolicLink(Path.Combine(folder, "passwd"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(folder, "deep.txt"), string.Concat(Enumerable.Repeat("../", 12)) + secret.TrimStart('/'));
        return folder;
    }

    private static readonly string[] s_leftOut = ["absolute.txt", "deep.txt", "passwd", "secret.txt"];

    [Test]
    public void Submit_LinksLeavingTheSourceDirectory_NotInTheWorkingCopyAndNamedInThePreparationLog()
    {
        string source = FolderWithLinks("src", ("list.py", """
            import os
            os.makedirs("outputs", exist_ok=True)
            with open("outputs/files.txt", "w") as out:
                for folder, _, files in os.walk("."):
                    for name in files:
                        path = os.path.relpath(os.path.join(folder, name), ".")
                        if not path.startswith("outputs"):
                            out.write(path + ("  " + open(path).read().strip().replace("\n", ";") if name.endswith(".csv") else "") + "\n")
            """));

        Run run = new Experiment(Ws, "links").Submit(new ScriptRunConfig(source, "list.py"));
        RunDetails details = run.WaitForCompletion(raiseOnError: false);
        string[] seen = FaultProbe.ReadArtifact(run, "outputs/files.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        string preparation = FaultProbe.ReadArtifact(run, "azureml-logs/preparation.txt");

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), details.Error?.Message);
            Assert.That(seen, Is.EqualTo(new[] { "alias.csv  a,b;1,2", "data/x.csv  a,b;1,2", "list.py", "realdata/x.csv  a,b;1,2" }));
            foreach (string link in s_leftOut) Assert.That(preparation, Does.Contain($"left out the symbolic link '{link}'"), link);
            Assert.That(preparation, Does.Not.Contain(Secret));
            Assert.That(FaultProbe.ReadArtifact(run, "user_logs/std_log.txt"), Does.Contain("Snapshot: left out the symbolic link 'secret.txt'"), "the streamed output says it too");
        });
        FaultTable.Record("symlinks in a run's source directory (../outside, absolute, /etc/passwd, ../../.., inside file and folder links)",
            "links leaving the folder skipped and named in the preparation log; inside links copied as their targets",
            $"working copy: {string.Join(", ", seen.Select(s => s.Split(' ')[0]))}; {s_leftOut.Length} named in preparation.txt");
    }

    [Test]
    public void Register_ModelFolderWithLinksLeavingIt_RegistersWhatIsInsideAndWarns()
    {
        string model = FolderWithLinks("model", ("weights.bin", "w"));

        using FaultProbe registration = FaultProbe.Start("register", Folder.Combine("ws"), model, "linked");
        (int exitCode, _, string warnings) = registration.WaitForExit();
        Model registered = new(Ws, "linked");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, warnings);
            Assert.That(registered.Files.Order(StringComparer.Ordinal),
                Is.EqualTo(new[] { "model/alias.csv", "model/data/x.csv", "model/realdata/x.csv", "model/weights.bin" }));
            foreach (string link in s_leftOut) Assert.That(warnings, Does.Contain($"left out the symbolic link '{link}'"), link);
        });
        FaultTable.Record("symlinks in a model folder (Model.Register)", "links leaving the folder skipped with a warning; inside links registered as their targets",
            $"{registered.Files.Count} files registered; {s_leftOut.Length} warned about");
    }

    [Test]
    public void Upload_FolderWithLinksLeavingIt_UploadsWhatIsInsideAndWarns()
    {
        string folder = FolderWithLinks("upload", ("part.csv", "p"));

        using FaultProbe upload = FaultProbe.Start("upload", Folder.Combine("ws"), folder, "up");
        (int exitCode, _, string warnings) = upload.WaitForExit();
        List<string> stored = Ws.Backend.Datastores.ListFilesAsync("workspaceblobstore", "up", CancellationToken.None).ToBlockingEnumerable()
            .Select(f => f.Path).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, warnings);
            Assert.That(stored, Is.EqualTo(new[] { "up/alias.csv", "up/data/x.csv", "up/part.csv", "up/realdata/x.csv" }));
            foreach (string link in s_leftOut) Assert.That(warnings, Does.Contain($"left out the symbolic link '{link}'"), link);
        });
        FaultTable.Record("symlinks in a folder given to Datastore.Upload", "links leaving the folder skipped with a warning",
            $"{stored.Count} files uploaded; {s_leftOut.Length} warned about");
    }

    [Test]
    public void FileDataset_FromAFolderWithLinksLeavingIt_ListsWhatIsInside()
    {
        string folder = FolderWithLinks("dataset", ("part.csv", "p"));

        FileDataset dataset = Dataset.File.FromFiles(folder);
        IReadOnlyList<string> paths = dataset.ToPath();

        Assert.That(paths.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "/alias.csv", "/data/x.csv", "/part.csv", "/realdata/x.csv" }));
        FaultTable.Record("symlinks in a folder behind Dataset.File.FromFiles", "links leaving the folder are not the dataset's files",
            $"lists {string.Join(", ", paths)}");
    }

    [Test]
    public void Deploy_EntryScriptSourceWithLinksLeavingIt_ServiceSeesOnlyWhatIsInsideAndItsLogSaysSo()
    {
        string source = FolderWithLinks("service", ("score.py", """
            import json, os
            def init():
                pass
            def run(raw_data):
                here = os.path.dirname(os.path.abspath(__file__))
                return sorted(name for name in os.listdir(here))
            """));
        Model model = Model.Register(Ws, Folder.Write("m/model.txt", "m"), "m");
        var inference = new InferenceConfig(entryScript: "score.py", sourceDirectory: source);

        Webservice service = Model.Deploy(Ws, "linked-source", new[] { model }, inference);
        service.WaitForDeployment(timeoutSec: 120);
        string files = service.Run("{}");
        string logs = service.GetLogs();

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.EqualTo("[\"alias.csv\", \"data\", \"realdata\", \"score.py\"]"));
            foreach (string link in s_leftOut) Assert.That(logs, Does.Contain($"left out the symbolic link '{link}'"), link);
        });
        FaultTable.Record("symlinks in a deployment's entry-script source directory", "links leaving the folder skipped and named in the service log",
            $"service folder holds {files}");
    }

}
