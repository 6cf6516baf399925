using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Environments;

public class EnvironmentRegistryTests
{
    private static Environment SklearnEnvironment(string name = "sklearn-env")
        => Environment.FromCondaSpecification(name, Fixtures.Path("environments", "sklearn-env.yml"));

    [Test]
    public void Register_NewName_ReturnsVersionOneAndLeavesOriginalUnregistered()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);
        Environment environment = SklearnEnvironment();

        Environment registered = environment.Register(ws);

        Assert.Multiple(() =>
        {
            Assert.That(registered.Name, Is.EqualTo("sklearn-env"));
            Assert.That(registered.Version, Is.EqualTo("1"));
            Assert.That(environment.Version, Is.Null);
        });
    }

    [Test]
    public async Task RegisterAsync_SameDefinitionTwice_KeepsVersion_ChangedDefinition_NextVersion()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);
        Environment environment = SklearnEnvironment();

        Environment first = await environment.RegisterAsync(ws);
        Environment same = await environment.RegisterAsync(ws);
        environment.Python.CondaDependencies!.AddPipPackage("lightgbm");
        Environment changed = await environment.RegisterAsync(ws);

        Assert.That(new[] { first.Version, same.Version, changed.Version }, Is.EqualTo(new[] { "1", "1", "2" }));
    }

    [TestCase("AzureML-Tutorial", "AzureML")]
    [TestCase("azureml-mine", "AzureML")]
    [TestCase("Microsoft.Custom", "Microsoft")]
    public void Register_ReservedName_ThrowsSayingWhichPrefix(string name, string prefix)
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);

        var error = Assert.Throws<UserErrorException>(() => new Environment(name).Register(ws));

        Assert.That(error!.Message, Does.Contain($"'{name}'").And.Contain($"'{prefix}'").And.Contain("reserved"));
    }

    [Test]
    public void Get_Registered_ReturnsDefinitionWithVersion()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);
        Environment environment = SklearnEnvironment();
        environment.Docker.Enabled = true;
        environment.EnvironmentVariables["MODE"] = "train";
        environment.Register(ws);
        environment.EnvironmentVariables["MODE"] = "tune";
        environment.Register(ws);

        Environment latest = Environment.Get(ws, "sklearn-env");
        Environment first = Environment.Get(ws, "sklearn-env", version: "1");

        Assert.Multiple(() =>
        {
            Assert.That(latest.Version, Is.EqualTo("2"));
            Assert.That(latest.EnvironmentVariables["MODE"], Is.EqualTo("tune"));
            Assert.That(first.Version, Is.EqualTo("1"));
            Assert.That(first.EnvironmentVariables["MODE"], Is.EqualTo("train"));
            Assert.That(first.Docker.Enabled, Is.True);
            Assert.That(first.Python.CondaDependencies!.SerializeToString(), Is.EqualTo(environment.Python.CondaDependencies!.SerializeToString()));
        });
    }

    [Test]
    public async Task GetAsync_Curated_AvailableWithoutRegistration()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);

        Environment curated = await Environment.GetAsync(ws, name: "AzureML-Tutorial");

        Assert.Multiple(() =>
        {
            Assert.That(curated.Name, Is.EqualTo("AzureML-Tutorial"));
            Assert.That(curated.Version, Is.Not.Null);
            Assert.That(curated.Python.CondaDependencies!.PythonVersion, Is.Not.Null);
            Assert.That(curated.Python.CondaDependencies.CondaPackages.Select(p => p.Split('=')[0]),
                Is.SupersetOf(new[] { "scikit-learn", "pandas", "numpy", "joblib", "matplotlib" }));
        });
    }

    [Test]
    public void Get_CuratedThenChanged_DoesNotChangeTheCuratedDefinition()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);

        Environment.Get(ws, "AzureML-Minimal").Python.CondaDependencies!.AddPipPackage("changed");

        Assert.That(Environment.Get(ws, "AzureML-Minimal").Python.CondaDependencies!.PipPackages, Does.Not.Contain("changed"));
    }

    [Test]
    public void Get_Missing_ThrowsNamingItAndListingWhatExists()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);
        SklearnEnvironment("mine").Register(ws);

        var error = Assert.Throws<UserErrorException>(() => Environment.Get(ws, "nope"));

        Assert.That(error!.Message, Does.Contain("'nope'").And.Contain("mine").And.Contain("AzureML-Tutorial"));
    }

    [Test]
    public async Task GetAsync_MissingVersion_ThrowsSayingWhichVersionsExist()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);
        await SklearnEnvironment("mine").RegisterAsync(ws);

        var error = Assert.ThrowsAsync<UserErrorException>(() => Environment.GetAsync(ws, "mine", version: "7"));

        Assert.That(error!.Message, Does.Contain("'mine'").And.Contain("'7'").And.Contain("1 to 1"));
    }

    [Test]
    public void List_Workspace_HasCuratedAndLatestRegistered()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);
        Environment environment = SklearnEnvironment("mine");
        environment.Register(ws);
        environment.EnvironmentVariables["X"] = "1";
        environment.Register(ws);

        IReadOnlyDictionary<string, Environment> all = Environment.List(ws);

        Assert.Multiple(() =>
        {
            Assert.That(all.Keys, Is.SupersetOf(new[] { "mine", "AzureML-Tutorial", "AzureML-Minimal", "AzureML-sklearn-1.0" }));
            Assert.That(all["mine"].Version, Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task ListAsync_EmptyWorkspace_HasCuratedOnly()
    {
        using var folder = new TestFolder();
        Workspace ws = Workspace.Local(folder.Path);

        IReadOnlyDictionary<string, Environment> all = await Environment.ListAsync(ws);

        Assert.That(all.Keys, Is.EquivalentTo(new[] { "AzureML-Minimal", "AzureML-Tutorial", "AzureML-sklearn-1.0" }));
    }
}
