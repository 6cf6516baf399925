using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

[Category("Integration")]
public class SubmitScriptTests : CliTest
{
    [SetUp]
    public void Attach() => AttachedWorkspace();

    [Test]
    public void SubmitScript_StreamsTheOutputToStderr_PrintsPureJson_AndWritesTheMetadataFile()
    {
        Folder.Write("project/scripts/train.sh", "echo \"training with $*\"\nmkdir -p outputs && echo weights > outputs/model.bin\n");

        CliResult result = Azml("run", "submit-script", "--source-directory", "scripts", "-t", "runoutput.json", "train.sh", "--", "--alpha", "0.5")
            .ShouldSucceed();
        JsonNode json = result.Json!;
        JsonNode metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(Project, "runoutput.json")))!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["status"], Is.EqualTo("Completed"));
            Assert.That((string?)json["experimentName"], Is.EqualTo("cli-tests"), "the experiment 'folder attach -e' recorded");
            Assert.That(result.Error, Does.Contain("training with --alpha 0.5"));
            Assert.That(result.Output, Does.Not.Contain("training with"));
            Assert.That((string?)metadata["runId"], Is.EqualTo((string?)json["runId"]));
            Assert.That((string?)metadata["experimentName"], Is.EqualTo("cli-tests"));
        });
    }

    [Test]
    public void SubmitScript_FailingRun_PrintsItsDetails_AndExitsWithOne()
    {
        Folder.Write("project/fail.sh", "echo 'about to fail' >&2\nexit 3\n");

        CliResult result = Azml("run", "submit-script", "-e", "failing", "fail.sh");
        JsonNode json = result.Json!;

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That((string?)json["status"], Is.EqualTo("Failed"));
            Assert.That((int?)json["error"]!["exitCode"], Is.EqualTo(3));
            Assert.That(result.Error, Does.Contain("about to fail"));
            Assert.That(result.Error, Does.Contain($"ERROR: Run '{(string?)json["runId"]}' ended as Failed"));
        });
    }

    [Test]
    public void SubmitScript_RunConfigurationByName_ResolvesItInTheAzuremlFolder()
    {
        Folder.Write("project/.azureml/hello.runconfig", "script: hello.sh\narguments: [from-the-runconfig]\ntarget: local\n");
        Folder.Write("project/hello.sh", "echo \"hello $1\"\n");

        CliResult result = Azml("run", "submit-script", "-c", "hello").ShouldSucceed();

        Assert.That(result.Error, Does.Contain("hello from-the-runconfig"));
    }
}
