using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

[Category("Integration")]
public class DeployCommandTests : CliTest
{
    private const string EchoScore = """
        import json

        def init():
            pass

        def run(raw_data):
            return {"echo": json.loads(raw_data)["data"]}
        """;

    [SetUp]
    public void AttachAndRegister()
    {
        AttachedWorkspace();
        Folder.Write("project/model.bin", "weights");
        Azml("model", "register", "-n", "mymodel", "-p", "model.bin").ShouldSucceed();
        Folder.Write("project/aci.yml", "computeType: ACI\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 1\nauthEnabled: true\n");
    }

    [Test]
    public void Deploy_ThenScoreInlineAndFromFile_GetKeysAndLogs_ThenDelete()
    {
        Folder.Write("project/score.py", EchoScore);
        Folder.Write("project/inference.json", """{"entryScript": "score.py"}""");
        Folder.Write("project/testdata.json", """{"data": [[1, 2]]}""");

        CliResult deployed = Azml("model", "deploy", "-n", "echo-service", "-m", "mymodel:1", "--ic", "inference.json", "--dc", "aci.yml").ShouldSucceed();
        JsonNode inline = Azml("service", "run", "-n", "echo-service", "-d", """{"data": "inline"}""").ShouldSucceed().Json!;
        JsonNode fromFile = Azml("service", "run", "-n", "echo-service", "-d", "@testdata.json").ShouldSucceed().Json!;
        CliResult missingFile = Azml("service", "run", "-n", "echo-service", "-d", "@nope.json");
        JsonNode keys = Azml("service", "get-keys", "-n", "echo-service").ShouldSucceed().Json!;
        JsonNode regenerated = Azml("service", "regen-key", "-n", "echo-service", "-k", "primary").ShouldSucceed().Json!;
        JsonNode logs = Azml("service", "get-logs", "-n", "echo-service").ShouldSucceed().Json!;
        JsonNode deleted = Azml("service", "delete", "-n", "echo-service").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)deployed.Json!["state"], Is.EqualTo("Healthy"));
            Assert.That((string?)deployed.Json!["scoringUri"], Does.StartWith("http://127.0.0.1:").And.EndWith("/score"));
            Assert.That(deployed.Error, Does.Contain("ACI service creation operation finished, operation \"Succeeded\""));
            Assert.That((string?)inline["echo"], Is.EqualTo("inline"));
            Assert.That(fromFile["echo"]!.ToJsonString(), Is.EqualTo("[[1,2]]"));
            Assert.That(missingFile.ExitCode, Is.EqualTo(2));
            Assert.That(missingFile.Error, Does.Contain("argument --input-data/-d: file 'nope.json' does not exist"));
            Assert.That((string?)keys["primaryKey"], Is.Not.Empty);
            Assert.That((string?)regenerated["primaryKey"], Is.Not.EqualTo((string?)keys["primaryKey"]));
            Assert.That((string?)regenerated["secondaryKey"], Is.EqualTo((string?)keys["secondaryKey"]));
            Assert.That(logs.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
            Assert.That((string?)deleted["name"], Is.EqualTo("echo-service"));
            Assert.That(Azml("service", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void Deploy_WhoseInitFails_ExitsWithOne_ShowsTheTraceback_AndLeavesNoService()
    {
        Folder.Write("project/score.py", "def init():\n    raise RuntimeError('cannot load the model')\n\ndef run(raw_data):\n    return 0\n");
        Folder.Write("project/inference.json", """{"entryScript": "score.py"}""");

        CliResult result = Azml("model", "deploy", "-n", "broken-service", "-m", "mymodel:1", "--ic", "inference.json", "--dc", "aci.yml");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error, Does.Contain("operation \"Failed\"").And.Contain("was removed"));
            Assert.That(result.Error, Does.Contain("cannot load the model"));
            Assert.That(Azml("service", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void Deploy_UnknownModel_CreatesNoService()
    {
        Folder.Write("project/score.py", EchoScore);
        Folder.Write("project/inference.json", """{"entryScript": "score.py"}""");

        CliResult result = Azml("model", "deploy", "-n", "echo-service", "-m", "mymodel:7", "--ic", "inference.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("mymodel"));
            Assert.That(Azml("service", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }
}
