using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class DatasetCommandTests : CliTest
{
    private const string Definition = """
        {
          "datasetType": "File",
          "parameters": {"path": ["data/iris.csv"]},
          "registration": {"createNewVersion": true, "description": "iris dataset", "name": "iris-dataset", "tags": {"sample-tag": "iris"}},
          "schemaVersion": 1
        }
        """;

    [SetUp]
    public void Attach() => AttachedWorkspace();

    [Test]
    public void Register_FromFile_PrintsDefinitionRegistrationAndSource()
    {
        Folder.Write("project/data/iris.csv", "a,b\n1,2\n");
        Folder.Write("project/dataset.json", Definition);

        JsonNode json = Azml("dataset", "register", "-f", "dataset.json").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That(json["definition"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "GetFiles" }));
            Assert.That((string?)json["registration"]!["name"], Is.EqualTo("iris-dataset"));
            Assert.That((int?)json["registration"]!["version"], Is.EqualTo(1));
            Assert.That((string?)json["registration"]!["tags"]!["sample-tag"], Is.EqualTo("iris"));
            Assert.That(Guid.TryParse((string?)json["registration"]!["id"], out _), Is.True);
            Assert.That(json["source"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { Path.Combine(Project, "data", "iris.csv") }));
        });
    }

    [Test]
    public void Register_Again_CreatesVersionTwo_AndShowFindsEitherByNameVersionOrId()
    {
        Folder.Write("project/data/iris.csv", "a,b\n1,2\n");
        Folder.Write("project/dataset.json", Definition);
        string firstId = (string)Azml("dataset", "register", "-f", "dataset.json").ShouldSucceed().Json!["registration"]!["id"]!;
        Folder.Write("project/data/more.csv", "a,b\n3,4\n");
        Folder.Write("project/dataset.json", Definition.Replace("\"data/iris.csv\"", "\"data/iris.csv\", \"data/more.csv\""));
        Azml("dataset", "register", "-f", "dataset.json").ShouldSucceed();

        JsonNode latest = Azml("dataset", "show", "-n", "iris-dataset").ShouldSucceed().Json!;
        JsonNode first = Azml("dataset", "show", "-n", "iris-dataset", "-v", "1").ShouldSucceed().Json!;
        JsonNode byId = Azml("dataset", "show", "-i", firstId).ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((int?)latest["registration"]!["version"], Is.EqualTo(2));
            Assert.That((int?)first["registration"]!["version"], Is.EqualTo(1));
            Assert.That((int?)byId["registration"]!["version"], Is.EqualTo(1));
        });
    }

    [Test]
    public void ShowTemplate_PrintsADefinitionThatRegistersAsIs()
    {
        JsonNode template = Azml("dataset", "register", "--show-template").ShouldSucceed().Json!;
        Folder.Write("project/template.json", template.ToJsonString());
        Folder.Write("project/data/train.csv", "x,y\n1,2\n3,4\n");

        JsonNode registered = Azml("dataset", "register", "-f", "template.json").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)template["datasetType"], Is.EqualTo("Tabular"));
            Assert.That(registered["definition"]!.AsArray().Select(s => (string?)s), Is.EqualTo(new[] { "GetFiles", "ParseDelimited" }));
            Assert.That((string?)registered["registration"]!["name"], Is.EqualTo((string?)template["registration"]!["name"]));
        });
    }

    [TestCase("""{"datasetType": "Image", "parameters": {"path": ["data/iris.csv"]}, "registration": {"name": "x"}, "schemaVersion": 1}""", "'datasetType' is 'Image'")]
    [TestCase("""{"datasetType": "File", "parameters": {"path": ["data/missing.csv"]}, "registration": {"name": "x"}, "schemaVersion": 1}""", "missing.csv")]
    [TestCase("""{"datasetType": "File", "parameters": {"path": [""" , "not valid JSON")]
    public void Register_BadDefinition_IsAUsageError_AndRegistersNothing(string json, string expected)
    {
        Folder.Write("project/data/iris.csv", "a,b\n1,2\n");
        Folder.Write("project/dataset.json", json);

        CliResult result = Azml("dataset", "register", "-f", "dataset.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Output, Is.Empty);
            Assert.That(result.Error, Does.StartWith("ERROR: ").And.Contain(expected));
            Assert.That(Azml("dataset", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public void Register_MissingFile_NamesTheOption()
    {
        CliResult result = Azml("dataset", "register", "-f", "nope.json");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("argument --file/-f: file 'nope.json' does not exist"));
        });
    }

    [Test]
    public void Unregister_RemovesEveryVersion()
    {
        Folder.Write("project/data/iris.csv", "a,b\n1,2\n");
        Folder.Write("project/dataset.json", Definition);
        Azml("dataset", "register", "-f", "dataset.json").ShouldSucceed();

        Azml("dataset", "unregister", "-n", "iris-dataset").ShouldSucceed();

        Assert.That(Azml("dataset", "list").ShouldSucceed().Json!.AsArray(), Is.Empty);
    }
}
