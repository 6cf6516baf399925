using NUnit.Framework;

namespace AzureML.Core.Tests.Workspaces;

// The list of local workspaces is found through a process-wide variable.
[NonParallelizable]
public class WorkspaceRegistryTests
{
    private TestFolder _folder = null!;
    private string? _previousRoot;

    [SetUp]
    public void SetUp()
    {
        _folder = new TestFolder();
        _previousRoot = System.Environment.GetEnvironmentVariable(LocalWorkspaceDirectory.RootVariable);
        System.Environment.SetEnvironmentVariable(LocalWorkspaceDirectory.RootVariable, _folder.Combine("workspaces"));
    }

    [TearDown]
    public void TearDown()
    {
        System.Environment.SetEnvironmentVariable(LocalWorkspaceDirectory.RootVariable, _previousRoot);
        _folder.Dispose();
    }

    [Test]
    public void Create_WithoutSubscription_MakesALocalWorkspaceThatGetFindsByName()
    {
        Workspace created = Workspace.Create("myws", resourceGroup: "myrg");
        new Experiment(created, "probe").StartLogging().Complete();

        Workspace found = Workspace.Get("MYWS", resourceGroup: "myrg");

        Assert.Multiple(() =>
        {
            Assert.That(created.IsLocal, Is.True);
            Assert.That(created.LocalPath, Is.EqualTo(_folder.Combine("workspaces", "myrg", "myws")));
            Assert.That(found.Name, Is.EqualTo("myws"));
            Assert.That(found.ResourceGroup, Is.EqualTo("myrg"));
            Assert.That(found.LocalPath, Is.EqualTo(created.LocalPath));
            Assert.That(found.Experiments.Keys, Is.EquivalentTo(new[] { "probe" }));
        });
    }

    [Test]
    public void Create_WithALocalPath_PutsTheWorkspaceThere()
    {
        string folder = _folder.Combine("elsewhere");

        Workspace.Create("myws", subscriptionId: "sub-1", localPath: folder);

        Workspace found = Workspace.Get("myws");
        Assert.Multiple(() =>
        {
            Assert.That(found.LocalPath, Is.EqualTo(folder));
            Assert.That(found.SubscriptionId, Is.EqualTo("sub-1"));
            Assert.That(Directory.Exists(folder), Is.True);
        });
    }

    [Test]
    public void Create_TwiceWithTheSameName_FailsUnlessExistOk()
    {
        Workspace first = Workspace.Create("myws", resourceGroup: "rg");

        var ex = Assert.Throws<UserErrorException>(() => Workspace.Create("myws", resourceGroup: "rg"));
        Workspace again = Workspace.Create("myws", resourceGroup: "rg", existOk: true);

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("'myws' already exists in resource group 'rg'").And.Contain("existOk"));
            Assert.That(again.LocalPath, Is.EqualTo(first.LocalPath));
        });
    }

    [Test]
    public void Create_SameNameInAnotherGroup_IsAnotherWorkspace_AndGetWantsTheGroup()
    {
        Workspace a = Workspace.Create("myws", resourceGroup: "rg-a");
        Workspace b = Workspace.Create("myws", resourceGroup: "rg-b");

        var ex = Assert.Throws<UserErrorException>(() => Workspace.Get("myws"));

        Assert.Multiple(() =>
        {
            Assert.That(a.LocalPath, Is.Not.EqualTo(b.LocalPath));
            Assert.That(Workspace.Get("myws", resourceGroup: "rg-b").LocalPath, Is.EqualTo(b.LocalPath));
            Assert.That(ex!.Message, Does.Contain("'rg-a'").And.Contain("'rg-b'").And.Contain("pass the resource group"));
        });
    }

    [TestCase("ab")]
    [TestCase("-leading-dash")]
    [TestCase("has space")]
    [TestCase("name/with/slash")]
    public void Create_InvalidName_IsRefusedAndNothingIsCreated(string name)
    {
        var ex = Assert.Throws<UserErrorException>(() => Workspace.Create(name));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain($"'{name}'").And.Contain("3 to 33 characters"));
            Assert.That(Directory.Exists(_folder.Combine("workspaces")), Is.False);
        });
    }

    [Test]
    public void Get_Unknown_NamesWhatWasLookedFor()
    {
        var ex = Assert.Throws<UserErrorException>(() => Workspace.Get("nope", resourceGroup: "rg"));

        Assert.That(ex!.Message, Does.Contain("No workspace named 'nope' in resource group 'rg'").And.Contain("Workspace.Create"));
    }

    [Test]
    public void Create_WithASubscriptionAndNoAuth_IsAnAzureCreate_CheckedBeforeAnySignIn_AndListsNothing()
    {
        // azureml-core's Workspace.create(name, auth=None, subscription_id=...): Azure with the default chain. The
        // arguments are checked first, so this fails before any credential is asked for a token.
        var ex = Assert.Throws<UserErrorException>(() => Workspace.Create("myws", subscriptionId: "sub-1", resourceGroup: "rg"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("Workspace.Create needs a location"));
            Assert.That(Workspace.List(), Is.Empty);
            Assert.That(Directory.Exists(_folder.Combine("workspaces")), Is.False);
        });
    }

    [Test]
    public void List_GroupsByName_AndFiltersByResourceGroup()
    {
        Workspace.Create("one", resourceGroup: "rg-a");
        Workspace.Create("two", resourceGroup: "rg-a");
        Workspace.Create("one", resourceGroup: "rg-b");

        IReadOnlyDictionary<string, IReadOnlyList<Workspace>> all = Workspace.List();
        IReadOnlyDictionary<string, IReadOnlyList<Workspace>> inB = Workspace.List(resourceGroup: "rg-b");

        Assert.Multiple(() =>
        {
            Assert.That(all.Keys, Is.EquivalentTo(new[] { "one", "two" }));
            Assert.That(all["one"].Select(w => w.ResourceGroup), Is.EquivalentTo(new[] { "rg-a", "rg-b" }));
            Assert.That(inB.Keys, Is.EquivalentTo(new[] { "one" }));
        });
    }
}
