using System.Text.Json.Nodes;
using AzureML.Core.Tests;
using AzureML.TestUtilities.Packaging;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

/// <summary>
/// The command-line walkthrough end to end, as a user runs it: samples/cli/tutorial.sh with the azml tool packed into a
/// folder feed and installed from it into a temporary tool path.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class SeedWalkthroughTests
{
    private TestFolder _folder = null!;
    private LocalPackageFeed? _feed;

    [SetUp]
    public void SetUp() => _folder = new TestFolder();

    [TearDown]
    public void TearDown()
    {
        _feed?.Dispose();
        _folder.Dispose();
    }

    [Test]
    public void Tutorial_TrainsRegistersDeploysScoresAndCleansUp_WithTheInstalledTool()
    {
        _feed = LocalPackageFeed.Pack(RepositoryPaths.Root, "src/AzureML.Cli/AzureML.Cli.csproj");
        string tools = _feed.InstallTool("azml", _folder.Combine("tools"));
        string work = _folder.Combine("work");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{tools}{Path.PathSeparator}{System.Environment.GetEnvironmentVariable("PATH")}",
            ["AZUREML_LOCAL_WORKSPACES"] = _folder.Combine("workspaces"),
        };

        string log = ProcessCommand.Run("bash", _folder.Path, environment, TimeSpan.FromMinutes(10),
                Path.Combine(RepositoryPaths.Root, "samples", "cli", "tutorial.sh"), work)
            .EnsureSuccess("The walkthrough script").Errors; // the script shows its commands and their progress on stderr

        JsonNode Step(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(work, "output", name + ".json")))!;
        string project = Path.Combine(work, "project");
        JsonNode run = Step("run-submit");
        Assert.Multiple(() =>
        {
            Assert.That(log, Does.Contain("$ azml workspace create -w myws -g myrg"), "the script shows each command");
            Assert.That((string?)Step("workspace-create")["name"], Is.EqualTo("myws"));
            Assert.That((string?)Step("folder-attach")["Workspace name"], Is.EqualTo("myws"));
            Assert.That((string?)Step("folder-attach")["Resource group"], Is.EqualTo("myrg"));
            Assert.That((string?)Step("computetarget-create")["provisioningState"], Is.EqualTo("Succeeded"));
            Assert.That((string?)Step("dataset-register")["registration"]!["name"], Is.EqualTo("iris-dataset"));

            Assert.That((string?)run["status"], Is.EqualTo("Completed"));
            Assert.That((string?)run["target"], Is.EqualTo("cpu-cluster"));
            Assert.That(log, Does.Contain("Accuracy is"), "the training output is streamed while the run goes");
            Assert.That((string?)JsonNode.Parse(File.ReadAllText(Path.Combine(project, "runoutput.json")))!["runId"], Is.EqualTo((string?)run["runId"]));

            Assert.That((string?)Step("model-register-run")["id"], Is.EqualTo("mymodel:1"));
            Assert.That((string?)Step("model-register-run")["runId"], Is.EqualTo((string?)run["runId"]));
            Assert.That(File.Exists(Path.Combine(project, "registeredmodel.json")), Is.True);
            Assert.That(File.Exists(Path.Combine(project, "sklearn_iris_model.pkl")), Is.True);
            Assert.That((int?)Step("model-register-local")["version"], Is.EqualTo(2));

            Assert.That((string?)Step("model-deploy")["state"], Is.EqualTo("Healthy"));
            Assert.That((string?)Step("service-show")["scoringUri"], Is.EqualTo((string?)Step("model-deploy")["scoringUri"]).And.StartWith("http://127.0.0.1:"));
            Assert.That(Step("service-run").ToJsonString(), Is.EqualTo("""["virginica"]"""));
            Assert.That((string?)Step("service-delete")["name"], Is.EqualTo("myservice"));
            Assert.That((string?)Step("computetarget-delete")["name"], Is.EqualTo("cpu-cluster"));
        });
    }
}
