using System.Text.Json.Nodes;
using AzureML.Core;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class ModelCommandTests : CliTest
{
    [SetUp]
    public void Attach() => AttachedWorkspace();

    private string TrainedRun()
    {
        string model = Folder.Write("model.pkl", "model bytes");
        Run run = new Experiment(Workspace.FromConfig(Project), "cli-tests").StartLogging();
        run.UploadFile("outputs/sklearn_model.pkl", model);
        run.Complete();
        return run.Id;
    }

    [Test]
    public void Register_FromRunMetadataFile_PrintsTheSeedShape_AndWritesTheSameJsonToTheOutputFile()
    {
        string runId = TrainedRun();
        Folder.Write("project/runoutput.json", $$"""{"runId": "{{runId}}", "experimentName": "cli-tests"}""");

        CliResult result = Azml("model", "register", "-n", "mymodel", "-f", "runoutput.json", "--asset-path", "outputs/sklearn_model.pkl",
            "-t", "registeredmodel.json").ShouldSucceed();
        JsonNode json = result.Json!;

        Assert.Multiple(() =>
        {
            Assert.That(json.AsObject().Select(p => p.Key), Is.EqualTo(new[]
            {
                "createdTime", "description", "experimentName", "framework", "frameworkVersion", "id", "name", "properties", "runId", "tags", "version",
            }));
            Assert.That((string?)json["id"], Is.EqualTo("mymodel:1"));
            Assert.That((string?)json["runId"], Is.EqualTo(runId));
            Assert.That((string?)json["experimentName"], Is.EqualTo("cli-tests"));
            Assert.That((string?)json["framework"], Is.EqualTo("Custom"));
            Assert.That((string?)json["tags"], Is.EqualTo(""));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(Path.Combine(Project, "registeredmodel.json"))), json), Is.True);
        });
    }

    [Test]
    public void DownloadThenRegisterLocalFile_GivesVersionTwo_WithTagsAndFramework()
    {
        string runId = TrainedRun();
        Azml("model", "register", "-n", "mymodel", "-r", runId, "--asset-path", "outputs/sklearn_model.pkl").ShouldSucceed();

        JsonNode downloaded = Azml("model", "download", "-i", "mymodel:1", "-t", ".").ShouldSucceed().Json!;
        JsonNode second = Azml("model", "register", "-n", "mymodel", "-p", "sklearn_model.pkl", "--tag", "stage=test", "--tag", "team=ml",
            "--model-framework", "scikitlearn", "--model-framework-version", "1.2").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)downloaded["downloadPath"], Is.EqualTo(Path.Combine(Project, "sklearn_model.pkl")));
            Assert.That(File.ReadAllText(Path.Combine(Project, "sklearn_model.pkl")), Is.EqualTo("model bytes"));
            Assert.That((int?)second["version"], Is.EqualTo(2));
            Assert.That((string?)second["framework"], Is.EqualTo("ScikitLearn"));
            Assert.That((string?)second["frameworkVersion"], Is.EqualTo("1.2"));
            Assert.That((string?)second["tags"]!["stage"], Is.EqualTo("test"));
            Assert.That((string?)second["tags"]!["team"], Is.EqualTo("ml"));
            Assert.That(second["runId"], Is.Null);
        });
    }

    [Test]
    public void ShowListDelete()
    {
        Folder.Write("project/m.bin", "1");
        Azml("model", "register", "-n", "mymodel", "-p", "m.bin").ShouldSucceed();
        Azml("model", "register", "-n", "mymodel", "-p", "m.bin").ShouldSucceed();

        JsonNode latest = Azml("model", "show", "-n", "mymodel").ShouldSucceed().Json!;
        JsonNode first = Azml("model", "show", "-n", "mymodel", "--version", "1").ShouldSucceed().Json!;
        JsonArray all = Azml("model", "list", "-n", "mymodel").ShouldSucceed().Json!.AsArray();
        Azml("model", "delete", "-i", "mymodel:2").ShouldSucceed();
        CliResult gone = Azml("model", "show", "-i", "mymodel:2");

        Assert.Multiple(() =>
        {
            Assert.That((int?)latest["version"], Is.EqualTo(2));
            Assert.That((int?)first["version"], Is.EqualTo(1));
            Assert.That(all.Select(m => (string?)m!["id"]), Is.EquivalentTo(new[] { "mymodel:1", "mymodel:2" }));
            Assert.That(gone.ExitCode, Is.EqualTo(1));
            Assert.That(gone.Error, Does.StartWith("ERROR: ").And.Contain("mymodel"));
        });
    }

    [Test]
    public void Register_MissingLocalPath_IsAUsageError_AndRegistersNothing()
    {
        CliResult result = Azml("model", "register", "-n", "mymodel", "-p", "nope.pkl");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("argument --model-path/-p: 'nope.pkl' does not exist"));
            Assert.That(Azml("model", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void Register_FromRun_UnknownAssetPath_ListsTheRunsFiles_AndRegistersNothing()
    {
        string runId = TrainedRun();

        CliResult result = Azml("model", "register", "-n", "mymodel", "-r", runId, "--asset-path", "outputs/other.pkl");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Error, Does.Contain("outputs/other.pkl").And.Contain("outputs/sklearn_model.pkl"));
            Assert.That(Azml("model", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void Register_MalformedRunMetadataFile_NamesTheFile()
    {
        Folder.Write("project/runoutput.json", """{"experimentName": "x"}""");

        CliResult result = Azml("model", "register", "-n", "mymodel", "-f", "runoutput.json", "--asset-path", "outputs/m.pkl");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("runoutput.json").And.Contain("no 'runId'"));
        });
    }
}
