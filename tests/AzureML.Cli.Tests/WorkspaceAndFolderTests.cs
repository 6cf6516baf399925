using System.Text.Json.Nodes;
using AzureML.Core;
using NUnit.Framework;

namespace AzureML.Cli.Tests;

public class WorkspaceAndFolderTests : CliTest
{
    [Test]
    public void WorkspaceCreate_MakesALocalWorkspace_AndPrintsIt()
    {
        JsonNode json = Azml("workspace", "create", "-w", "myws", "-g", "myrg").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["name"], Is.EqualTo("myws"));
            Assert.That((string?)json["resourceGroup"], Is.EqualTo("myrg"));
            Assert.That((string?)json["location"], Is.EqualTo("local"));
            Assert.That((string?)json["type"], Is.EqualTo("Microsoft.MachineLearningServices/workspaces"));
            Assert.That(Directory.Exists((string?)json["localPath"]), Is.True);
            Assert.That(Workspace.Get("myws", resourceGroup: "myrg").LocalPath, Is.EqualTo((string?)json["localPath"]));
        });
    }

    [Test]
    public void WorkspaceCreate_WithLocalPath_UsesThatFolder_RelativeToTheCurrentOne()
    {
        JsonNode json = Azml("workspace", "create", "-w", "myws", "--local-path", "ws-here").ShouldSucceed().Json!;

        Assert.That((string?)json["localPath"], Is.EqualTo(Path.Combine(Project, "ws-here")));
    }

    [Test]
    public void WorkspaceCreate_Twice_FailsWithoutExistOk()
    {
        Azml("workspace", "create", "-w", "myws").ShouldSucceed();

        CliResult again = Azml("workspace", "create", "-w", "myws");
        CliResult existOk = Azml("workspace", "create", "-w", "myws", "--exist-ok");

        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(2));
            Assert.That(again.Error, Does.Contain("ERROR: A workspace named 'myws' already exists"));
            Assert.That(existOk.ExitCode, Is.EqualTo(0));
        });
    }

    [Test]
    public void WorkspaceCreate_WithoutName_NamesTheOption()
    {
        CliResult result = Azml("workspace", "create");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("the following arguments are required: --workspace-name/-w"));
        });
    }

    [Test]
    public void WorkspaceList_ShowsEveryWorkspace_AndFiltersByGroup()
    {
        Azml("workspace", "create", "-w", "one", "-g", "rg-a").ShouldSucceed();
        Azml("workspace", "create", "-w", "two", "-g", "rg-b").ShouldSucceed();

        JsonArray all = Azml("workspace", "list").ShouldSucceed().Json!.AsArray();
        JsonArray inB = Azml("workspace", "list", "-g", "rg-b").ShouldSucceed().Json!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(w => (string?)w!["name"]), Is.EqualTo(new[] { "one", "two" }));
            Assert.That(inB.Select(w => (string?)w!["name"]), Is.EqualTo(new[] { "two" }));
        });
    }

    [Test]
    public void FolderAttach_WritesTheConfig_AndPrintsTheSeedKeys()
    {
        Azml("workspace", "create", "-w", "myws", "-g", "myrg").ShouldSucceed();

        JsonNode json = Azml("folder", "attach", "-w", "myws", "-g", "myrg").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That(json.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "Experiment name", "Project path", "Resource group", "Subscription id", "Workspace name" }));
            Assert.That((string?)json["Experiment name"], Is.EqualTo("project"));
            Assert.That((string?)json["Project path"], Is.EqualTo(Project));
            Assert.That((string?)json["Workspace name"], Is.EqualTo("myws"));
            Assert.That(File.Exists(Path.Combine(Project, ".azureml", "config.json")), Is.True);
            Assert.That(Workspace.FromConfig(Project).Name, Is.EqualTo("myws"));
        });
    }

    [Test]
    public void WorkspaceShow_InAnAttachedFolder_ShowsThatWorkspace_AndInAnyOtherFolderSaysHowToAttach()
    {
        AttachedWorkspace("myws");
        string elsewhere = Folder.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);

        JsonNode attached = Azml("workspace", "show").ShouldSucceed().Json!;
        CliResult unattached = AzmlIn(elsewhere, "workspace", "show");
        JsonNode byName = AzmlIn(elsewhere, "workspace", "show", "-w", "myws").ShouldSucceed().Json!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)attached["name"], Is.EqualTo("myws"));
            Assert.That(unattached.ExitCode, Is.EqualTo(2));
            Assert.That(unattached.Error, Does.Contain("No workspace given: pass --workspace-name/-w").And.Contain("azml folder attach"));
            Assert.That((string?)byName["name"], Is.EqualTo("myws"));
        });
    }

    [Test]
    public void FolderAttach_UnknownWorkspace_FailsAndWritesNothing()
    {
        CliResult result = Azml("folder", "attach", "-w", "nosuch");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error, Does.Contain("No workspace named 'nosuch'"));
            Assert.That(Directory.Exists(Path.Combine(Project, ".azureml")), Is.False);
        });
    }
}
