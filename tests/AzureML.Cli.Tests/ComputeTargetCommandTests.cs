using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class ComputeTargetCommandTests : CliTest
{
    [SetUp]
    public void Attach() => AttachedWorkspace();

    [Test]
    public void Create_PrintsTheSeedShape_WithProgressOnStderrOnly()
    {
        CliResult result = Azml("computetarget", "create", "amlcompute", "-n", "cpu-cluster", "--max-nodes", "4", "--vm-size", "Standard_D2_V2").ShouldSucceed();
        JsonNode json = result.Json!;

        Assert.Multiple(() =>
        {
            Assert.That(json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "location", "name", "provisioningErrors", "provisioningState" }));
            Assert.That((string?)json["name"], Is.EqualTo("cpu-cluster"));
            Assert.That((string?)json["provisioningState"], Is.EqualTo("Succeeded"));
            Assert.That(result.Error, Does.Contain("Creating compute target 'cpu-cluster'"));
        });
    }

    [Test]
    public void ShowListDelete_SeeTheCluster_ThenNot()
    {
        Azml("computetarget", "create", "amlcompute", "-n", "cpu-cluster", "-M", "3", "-m", "1", "-s", "Standard_D2_V2").ShouldSucceed();

        JsonNode shown = Azml("computetarget", "show", "-n", "cpu-cluster").ShouldSucceed().Json!;
        JsonArray listed = Azml("computetarget", "list").ShouldSucceed().Json!.AsArray();
        JsonNode deleted = Azml("computetarget", "delete", "-n", "cpu-cluster").ShouldSucceed().Json!;
        CliResult afterwards = Azml("computetarget", "show", "-n", "cpu-cluster");

        Assert.Multiple(() =>
        {
            Assert.That((string?)shown["computeType"], Is.EqualTo("AmlCompute"));
            Assert.That((int?)shown["properties"]!["scaleSettings"]!["maxNodeCount"], Is.EqualTo(3));
            Assert.That((int?)shown["properties"]!["scaleSettings"]!["minNodeCount"], Is.EqualTo(1));
            Assert.That(listed.Select(t => (string?)t!["name"]), Is.EqualTo(new[] { "cpu-cluster" }));
            Assert.That((string?)deleted["name"], Is.EqualTo("cpu-cluster"));
            Assert.That(afterwards.ExitCode, Is.EqualTo(1));
            Assert.That(afterwards.Error, Does.Contain("cpu-cluster"));
        });
    }

    [Test]
    public void Create_InvalidPriority_ListsTheAllowedValues()
    {
        CliResult result = Azml("computetarget", "create", "amlcompute", "-n", "c", "-M", "2", "--vm-priority", "spot");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("argument --vm-priority/-p: invalid choice: 'spot' (choose from 'dedicated', 'lowpriority')"));
        });
    }
}
