using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

/// <summary>What a run's snapshot holds of a folder, and what the streamed output says about it.</summary>
[Category("Integration")]
public class SnapshotTests : LocalWorkspaceTest
{
    private const string ListScript = "import os\nprint('working copy:', ' '.join(sorted(os.listdir('.'))))\n";

    private void WriteDotnetProject()
    {
        Folder.Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        Folder.Write("app/Program.cs", "System.Console.WriteLine(1);\n");
        Folder.Write("app/bin/Debug/net10.0/App.dll", new string('x', 100_000));
        Folder.Write("app/obj/project.assets.json", "{}");
        Folder.Write("app/list.py", ListScript);
    }

    private List<string> RunAndStream(string source, string script)
    {
        var lines = new List<string>();
        RunDetails details = new Experiment(Ws, "snapshots").Submit(new ScriptRunConfig(source, script)).WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();
        Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
        return lines;
    }

    [Test]
    public void Submit_DotnetProjectWithoutIgnoreFiles_LeavesOutBinAndObjAndSaysSo()
    {
        WriteDotnetProject();

        List<string> lines = RunAndStream(Folder.Combine("app"), "list.py");

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.One.EqualTo("working copy: App.csproj Program.cs list.py"));
            Assert.That(lines, Has.One.EqualTo("Snapshot: left out .NET build output (bin/, obj/) because the folder holds the .NET project App.csproj and has no " +
                ".amlignore or .gitignore. Add an .amlignore to choose what is copied yourself."));
        });
    }

    [Test]
    public void Submit_DotnetProjectWhoseGitIgnoreKeepsBuildOutput_WarnsWithTheAmlIgnoreLines()
    {
        WriteDotnetProject();
        Folder.Write("app/.gitignore", "*.log\n");

        List<string> lines = RunAndStream(Folder.Combine("app"), "list.py");

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.One.EqualTo("working copy: .gitignore App.csproj Program.cs bin list.py obj"));
            Assert.That(lines, Has.One.StartWith("Warning: the snapshot holds .NET build output (bin/: 1 files, 0.1 MB; obj/: 1 files, 0 MB), copied for every run.")
                .And.Contain($"add these lines to {Folder.Combine("app", ".amlignore")} (an .amlignore replaces .gitignore for snapshots: copy its lines into it too): bin/ obj/"));
        });
    }

    [Test]
    public void Submit_SnapshotThatMakesRunsSlow_WarnsNamingTheBiggestFolder()
    {
        Folder.Write("big/list.py", ListScript);
        Directory.CreateDirectory(Folder.Combine("big", "data"));
        using (var file = new FileStream(Folder.Combine("big", "data", "train.bin"), FileMode.CreateNew)) file.SetLength(30L * 1024 * 1024);

        List<string> lines = RunAndStream(Folder.Combine("big"), "list.py");

        Assert.That(lines, Has.One.StartWith($"Warning: the snapshot of {Folder.Combine("big")} holds 2 files, 30 MB, copied for every run, which makes runs slow to start.")
            .And.Contain("Biggest: data/ (30 MB)").And.Contain("'data/' in an .amlignore"));
    }
}
