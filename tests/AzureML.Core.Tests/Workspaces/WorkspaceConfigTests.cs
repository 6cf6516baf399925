using NUnit.Framework;

namespace AzureML.Core.Tests.Workspaces;

public class WorkspaceConfigTests
{
    private TestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private const string ThreeKeys = """{"subscription_id": "00000000-1111-2222-3333-444444444444", "resource_group": "rg", "workspace_name": "ws"}""";

    [Test]
    public void FromConfig_ThreeKeyForm_ExposesAzureIdentity()
    {
        _folder.Write(".azureml/config.json", ThreeKeys);

        Workspace ws = Workspace.FromConfig(_folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(ws.Name, Is.EqualTo("ws"));
            Assert.That(ws.SubscriptionId, Is.EqualTo("00000000-1111-2222-3333-444444444444"));
            Assert.That(ws.ResourceGroup, Is.EqualTo("rg"));
            Assert.That(ws.IsLocal, Is.False);
        });
    }

    [Test]
    public void FromConfig_ScopeForm_SplitsTheResourceId()
    {
        _folder.Write("aml_config/project.json",
            """{"Id": null, "Scope": "/subscriptions/sub-1/resourceGroups/group-1/providers/Microsoft.MachineLearningServices/workspaces/space-1"}""");

        Workspace ws = Workspace.FromConfig(_folder.Path);

        Assert.That((ws.SubscriptionId, ws.ResourceGroup, ws.Name), Is.EqualTo(("sub-1", "group-1", "space-1")));
    }

    [Test]
    public void FromConfig_SearchOrder_AzuremlFolderWalkCompletesBeforeAmlConfigAndBareFiles()
    {
        // .azureml/config.json two levels up beats aml_config/config.json and config.json in the start folder.
        _folder.Write(".azureml/config.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "from-azureml-up"}""");
        _folder.Write("a/b/aml_config/config.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "from-aml-config"}""");
        _folder.Write("a/b/config.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "from-bare"}""");

        Assert.That(Workspace.FromConfig(_folder.Combine("a", "b")).Name, Is.EqualTo("from-azureml-up"));
    }

    [TestCase(".azureml/project.json", "config.json in aml_config loses to project.json in .azureml")]
    [TestCase("aml_config/config.json", "aml_config is searched before the bare folder")]
    public void FromConfig_SearchOrder_FoldersThenFileNames(string winner, string why)
    {
        _folder.Write(winner, """{"subscription_id": "s", "resource_group": "r", "workspace_name": "winner"}""");
        if (winner != "aml_config/config.json") _folder.Write("aml_config/config.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "loser"}""");
        _folder.Write("config.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "loser"}""");

        Assert.That(Workspace.FromConfig(_folder.Path).Name, Is.EqualTo("winner"), why);
    }

    [Test]
    public void FromConfig_FilePathAndFileName_AreHonoured()
    {
        string file = _folder.Write("custom/my.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "by-path"}""");
        _folder.Write(".azureml/other.json", """{"subscription_id": "s", "resource_group": "r", "workspace_name": "by-name"}""");

        Assert.Multiple(() =>
        {
            Assert.That(Workspace.FromConfig(file).Name, Is.EqualTo("by-path"));
            Assert.That(Workspace.FromConfig(_folder.Path, fileName: "other.json").Name, Is.EqualTo("by-name"));
        });
    }

    [Test]
    public void FromConfig_LocalPath_OpensLocalWorkspaceRelativeToTheFile()
    {
        _folder.Write(".azureml/config.json", """{"workspace_name": "dev", "local_path": "local"}""");

        Workspace ws = Workspace.FromConfig(_folder.Path);
        new Experiment(ws, "created-here");

        Assert.Multiple(() =>
        {
            Assert.That(ws.IsLocal, Is.True);
            Assert.That(ws.Name, Is.EqualTo("dev"));
            Assert.That(ws.LocalPath, Is.EqualTo(_folder.Combine(".azureml", "local")));
            Assert.That(File.Exists(_folder.Combine(".azureml", "local", "workspace.db")), Is.True);
            Assert.That(Workspace.FromConfig(_folder.Path).Experiments.Keys, Is.EquivalentTo(new[] { "created-here" }));
        });
    }

    [Test]
    public void FromConfig_NothingFound_NamesFoldersAndKeys()
    {
        string empty = Directory.CreateDirectory(_folder.Combine("empty")).FullName;

        Assert.That(() => Workspace.FromConfig(empty), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains(empty).And.Message.Contains("'.azureml', 'aml_config', '.'").And.Message.Contains("local_path"));
    }

    [TestCase("""{"subscription_id": "s", "workspace_name": "w"}""", "subscription_id, resource_group and workspace_name")]
    [TestCase("""{"subscription_id": "s", "resource_group": 5, "workspace_name": "w"}""", "'resource_group' in the workspace configuration file")]
    [TestCase("""{"Scope": "/not/a/resource/id"}""", "is not a workspace resource id")]
    [TestCase("""{"subscription_id": "s",""", "is not valid JSON")]
    [TestCase("""[1, 2]""", "must hold a JSON object")]
    public void FromConfig_MalformedFile_ClearError(string content, string expected)
    {
        string file = _folder.Write(".azureml/config.json", content);

        Assert.That(() => Workspace.FromConfig(_folder.Path), Throws.TypeOf<UserErrorException>().With.Message.Contains(expected).And.Message.Contains(file));
    }

    [TestCase("""{"local_pth": "local"}""", "'local_pth'", "'local_path'")]
    [TestCase("""{"subscription_id": "s", "resource_group": "rg", "workspace_name": "w", "local_pth": "local"}""", "'local_pth'", "'local_path'")]
    [TestCase("""{"subscriptionid": "s", "resource_group": "rg", "workspace_name": "w"}""", "'subscriptionid'", "'subscription_id'")]
    public void FromConfig_MistypedKey_NamesItAndTheKeyItResembles(string content, string unknown, string known)
    {
        string file = _folder.Write(".azureml/config.json", content);

        Assert.That(() => Workspace.FromConfig(_folder.Path), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains($"the unknown key {unknown}").And.Message.Contains($"did you mean {known}").And.Message.Contains(file));
    }

    [Test]
    public void FromConfig_KeysOfOtherTools_AreIgnoredAsAzuremlDoes()
    {
        _folder.Write(".azureml/config.json", """{"subscription_id": "s", "resource_group": "rg", "workspace_name": "w", "friendly_name": "Team workspace"}""");

        Assert.That(Workspace.FromConfig(_folder.Path).Name, Is.EqualTo("w"));
    }

    [Test]
    public void FromConfig_MissingKeys_NameTheUnknownOnesThere()
    {
        _folder.Write(".azureml/config.json", """{"workspace": "w", "path": "local"}""");

        Assert.That(() => Workspace.FromConfig(_folder.Path), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("subscription_id, resource_group and workspace_name").And.Message.Contains("Unknown keys in the file: 'workspace', 'path'"));
    }

    [TestCase("{\n  \"local_path\": \"local\"\n  \"workspace_name\": \"w\"\n}", "line 3, column 3")]
    [TestCase("{\n  \"local_path\": \"local\",\n}", "line 3, column 1")]
    [TestCase("{\"local_path\": \"local\"} // local", "line 1, column 25")]
    public void FromConfig_InvalidJson_OneBasedPositionAndRefusedLikeJsonLoad(string content, string position)
    {
        string file = _folder.Write(".azureml/config.json", content);

        Assert.That(() => Workspace.FromConfig(_folder.Path), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains($"'{file}' is not valid JSON at {position}").And.Message.Not.Contains("LineNumber"));
    }

    [Test]
    public void WriteConfig_Azure_WritesScopeFormThatRoundTrips()
    {
        _folder.Write("src/.azureml/config.json", ThreeKeys);
        Workspace ws = Workspace.FromConfig(_folder.Combine("src"));

        string written = ws.WriteConfig(_folder.Combine("other"));

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(_folder.Combine("other", ".azureml", "config.json")));
            Assert.That(File.ReadAllText(written), Does.Contain("\"Scope\": \"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws\""));
            Assert.That(Workspace.FromConfig(_folder.Combine("other")).Name, Is.EqualTo("ws"));
        });
    }

    [Test]
    public void WriteConfig_Local_PointsBackAtTheSameWorkspace()
    {
        Workspace ws = Workspace.Local(_folder.Combine("data", "ws"));
        new Experiment(ws, "kept");

        ws.WriteConfig(_folder.Combine("project"), "dev.json");
        Workspace again = Workspace.FromConfig(_folder.Combine("project"), "dev.json");

        Assert.That(again.Experiments.Keys, Is.EquivalentTo(new[] { "kept" }));
    }
}
