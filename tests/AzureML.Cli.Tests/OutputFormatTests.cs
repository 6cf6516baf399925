using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class OutputFormatTests : CliTest
{
    [SetUp]
    public void CreateWorkspaces()
    {
        Azml("workspace", "create", "-w", "one", "-g", "rg").ShouldSucceed();
        Azml("workspace", "create", "-w", "two", "-g", "rg").ShouldSucceed();
    }

    [Test]
    public void Json_IsIndentedWithSortedKeys()
    {
        string output = Azml("workspace", "show", "-w", "one").ShouldSucceed().Output;

        JsonObject json = JsonNode.Parse(output)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(output, Does.StartWith("{\n  \""));
        });
    }

    [Test]
    public void Query_SelectsWithJmesPath()
    {
        JsonNode names = Azml("workspace", "list", "--query", "[].name").ShouldSucceed().Json!;
        JsonNode filtered = Azml("workspace", "list", "--query", "[?name=='two'].resourceGroup | [0]").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That(names.AsArray().Select(n => (string?)n), Is.EqualTo(new[] { "one", "two" }));
            Assert.That((string?)filtered, Is.EqualTo("rg"));
        });
    }

    [Test]
    public void Tsv_PrintsBareValues_OneRowPerItem()
    {
        string output = Azml("workspace", "list", "--query", "[].[name, resourceGroup]", "-o", "tsv").ShouldSucceed().Output;
        string scalar = Azml("workspace", "show", "-w", "two", "--query", "name", "-o", "tsv").ShouldSucceed().Output;

        Assert.Multiple(() =>
        {
            Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "one\trg", "two\trg" }));
            Assert.That(scalar, Is.EqualTo("two" + System.Environment.NewLine));
        });
    }

    [Test]
    public void Table_HasAHeaderRowAndARowPerItem_LeavingOutNestedValues()
    {
        string output = Azml("workspace", "list", "-o", "table").ShouldSucceed().Output;
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Any(char.IsLetter)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("Name").And.Contain("ResourceGroup").And.Contain("Location"));
            Assert.That(lines.Skip(1).Select(l => l.Split(' ')[0]), Is.EqualTo(new[] { "one", "two" }));
        });
    }
}
