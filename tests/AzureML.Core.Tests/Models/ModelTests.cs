using System.Text.Json.Nodes;
using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

[TestFixture(true)]
[TestFixture(false)]
public class ModelTests : LocalWorkspaceTest
{
    private readonly bool _async;

    public ModelTests(bool isAsync) => _async = isAsync;

    private async Task<Model> Register(string path, string name, IReadOnlyDictionary<string, string>? tags = null, IReadOnlyDictionary<string, string>? properties = null,
        string? framework = null, IReadOnlyList<string>? childPaths = null)
        => _async
            ? await Model.RegisterAsync(Ws, path, name, tags, properties, description: "d", modelFramework: framework, childPaths: childPaths)
            : Model.Register(Ws, path, name, tags, properties, description: "d", modelFramework: framework, childPaths: childPaths);

    private async Task<Model> Get(string? name = null, string? id = null, int? version = null)
        => _async ? await Model.GetAsync(Ws, name, id, version) : new Model(Ws, name, id, version);

    private async Task<IReadOnlyList<Model>> List(string? name = null, IReadOnlyDictionary<string, string?>? tags = null,
        IReadOnlyDictionary<string, string?>? properties = null, bool latest = false, string? framework = null)
        => _async
            ? await Model.ListAsync(Ws, name, tags, properties, latest: latest, modelFramework: framework)
            : Model.List(Ws, name, tags, properties, latest: latest, modelFramework: framework);

    private async Task<string> Download(Model model, string target, bool existOk = false)
        => _async ? await model.DownloadAsync(target, existOk) : model.Download(target, existOk);

    private async Task AddProperties(Model model, IReadOnlyDictionary<string, string> properties)
    {
        if (_async) await model.AddPropertiesAsync(properties);
        else model.AddProperties(properties);
    }

    private string ModelFile(string content = "weights") => Folder.Write("src/model.pkl", content);

    [Test]
    public async Task Register_File_IsVersionOneWithItsMetadata()
    {
        Model model = await Register(ModelFile(), "sklearn-iris", framework: Model.Framework.ScikitLearn);

        Assert.Multiple(() =>
        {
            Assert.That(model.Name, Is.EqualTo("sklearn-iris"));
            Assert.That(model.Version, Is.EqualTo(1));
            Assert.That(model.Id, Is.EqualTo("sklearn-iris:1"));
            Assert.That(model.ModelFramework, Is.EqualTo("ScikitLearn"));
            Assert.That(model.Description, Is.EqualTo("d"));
            Assert.That(model.Files, Is.EqualTo(new[] { "model.pkl" }));
            Assert.That(model.RunId, Is.Null);
            Assert.That(model.CreatedTime, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(model.Url, Does.StartWith("file://").And.EndWith("/models/sklearn-iris/1"));
        });
    }

    [Test]
    public async Task Register_WithoutFramework_IsCustom()
    {
        Model model = await Register(ModelFile(), "m");

        Assert.That(model.ModelFramework, Is.EqualTo(Model.Framework.Custom));
    }

    [Test]
    public async Task Register_SameNameThreeTimes_VersionsIncrement()
    {
        var versions = new List<int>();
        for (int i = 0; i < 3; i++) versions.Add((await Register(ModelFile($"v{i}"), "m")).Version);

        Assert.That(versions, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Register_Folder_KeepsFolderNameAndStructure()
    {
        Folder.Write("outputs/model.onnx", "onnx");
        Folder.Write("outputs/meta/labels.txt", "a,b");

        Model model = await Register(Folder.Combine("outputs") + Path.DirectorySeparatorChar, "folder-model");

        Assert.That(model.Files, Is.EqualTo(new[] { "outputs/meta/labels.txt", "outputs/model.onnx" }));
    }

    [Test]
    public async Task Register_ChildPaths_PicksOnlyThoseFiles()
    {
        Folder.Write("outputs/model.onnx", "onnx");
        Folder.Write("outputs/meta/labels.txt", "a,b");
        Folder.Write("outputs/big.log", "noise");

        Model model = await Register(Folder.Combine("outputs"), "picked", childPaths: new[] { "model.onnx", "meta" });

        Assert.That(model.Files, Is.EqualTo(new[] { "outputs/meta/labels.txt", "outputs/model.onnx" }));
    }

    [TestCase("1-model_v.2")]
    [TestCase("a")]
    public async Task Register_ValidName_IsAccepted(string name)
        => Assert.That((await Register(ModelFile(), name)).Name, Is.EqualTo(name));

    [TestCase("-starts-with-dash")]
    [TestCase("has space")]
    [TestCase("slash/name")]
    [TestCase("colon:1")]
    public void Register_InvalidName_ThrowsNamingTheRule(string name)
        => Assert.That(async () => await Register(ModelFile(), name),
            Throws.TypeOf<UserErrorException>().With.Message.Contains($"'{name}'").And.Message.Contains("letters, digits"));

    [Test]
    public void Register_NameLongerThan255_Throws()
        => Assert.That(async () => await Register(ModelFile(), new string('m', 256)), Throws.TypeOf<UserErrorException>().With.Message.Contains("255"));

    [Test]
    public void Register_MissingPath_ThrowsAndRegistersNothing()
    {
        Assert.That(async () => await Register(Folder.Combine("nope.pkl"), "m"), Throws.TypeOf<UserErrorException>().With.Message.Contains("nope.pkl"));
        Assert.That(Model.List(Ws), Is.Empty);
    }

    [Test]
    public async Task Get_ByNameVersionOrId_ReturnsThatVersion()
    {
        await Register(ModelFile("one"), "m");
        await Register(ModelFile("two"), "m");

        Assert.Multiple(async () =>
        {
            Assert.That((await Get("m")).Version, Is.EqualTo(2));
            Assert.That((await Get("m", version: 1)).Version, Is.EqualTo(1));
            Assert.That((await Get(id: "m:1")).Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_MissingVersion_ThrowsListingVersions()
    {
        await Register(ModelFile(), "m");
        await Register(ModelFile(), "m");

        Assert.That(async () => await Get("m", version: 7),
            Throws.TypeOf<ModelNotFoundException>().With.Message.Contains("no version 7").And.Message.Contains("1, 2"));
    }

    [Test]
    public async Task Get_MissingName_ThrowsListingRegisteredNames()
    {
        await Register(ModelFile(), "iris");

        Assert.That(async () => await Get("irsi"),
            Throws.TypeOf<ModelNotFoundException>().With.Message.Contains("'irsi'").And.Message.Contains("'iris'")
                .And.Property(nameof(ModelNotFoundException.ModelName)).EqualTo("irsi"));
    }

    [TestCase("m")]
    [TestCase("m:x")]
    [TestCase("m:0")]
    public void Get_MalformedId_ThrowsShowingTheForm(string id)
        => Assert.That(async () => await Get(id: id), Throws.TypeOf<UserErrorException>().With.Message.Contains("name:version"));

    [Test]
    public async Task List_Filters_MatchLikeAzureML()
    {
        await Register(ModelFile(), "a", tags: new Dictionary<string, string> { ["stage"] = "dev" }, framework: Model.Framework.Onnx);
        await Register(ModelFile(), "a", tags: new Dictionary<string, string> { ["stage"] = "prod" }, properties: new Dictionary<string, string> { ["auc"] = "0.9" });
        await Register(ModelFile(), "b", tags: new Dictionary<string, string> { ["stage"] = "prod" });

        Assert.Multiple(async () =>
        {
            Assert.That((await List()).Select(m => m.Id), Is.EqualTo(new[] { "a:2", "a:1", "b:1" }));
            Assert.That((await List(name: "a")).Select(m => m.Id), Is.EqualTo(new[] { "a:2", "a:1" }));
            Assert.That((await List(latest: true)).Select(m => m.Id), Is.EqualTo(new[] { "a:2", "b:1" }));
            Assert.That((await List(tags: new Dictionary<string, string?> { ["stage"] = "dev" })).Select(m => m.Id), Is.EqualTo(new[] { "a:1" }));
            Assert.That(await List(tags: new Dictionary<string, string?> { ["stage"] = null }), Has.Count.EqualTo(3));
            Assert.That((await List(properties: new Dictionary<string, string?> { ["auc"] = null })).Select(m => m.Id), Is.EqualTo(new[] { "a:2" }));
            Assert.That((await List(framework: Model.Framework.Onnx)).Select(m => m.Id), Is.EqualTo(new[] { "a:1" }));
            Assert.That((await List(name: "none")), Is.Empty);
        });
    }

    [Test]
    public async Task Download_FileModel_ReturnsTheFile()
    {
        Model model = await Register(ModelFile("weights"), "m");

        string path = await Download(model, Folder.Combine("out"));

        Assert.That(path, Is.EqualTo(Folder.Combine("out", "model.pkl")));
        Assert.That(File.ReadAllText(path), Is.EqualTo("weights"));
    }

    [Test]
    public async Task Download_FolderModel_ReturnsTheFolderWithItsStructure()
    {
        Folder.Write("outputs/model.onnx", "onnx");
        Folder.Write("outputs/meta/labels.txt", "a,b");
        Model model = await Register(Folder.Combine("outputs"), "m");

        string path = await Download(model, Folder.Combine("out"));

        Assert.That(path, Is.EqualTo(Folder.Combine("out", "outputs")));
        Assert.That(File.ReadAllText(Path.Combine(path, "meta", "labels.txt")), Is.EqualTo("a,b"));
    }

    [Test]
    public async Task Download_TargetExists_ThrowsUnlessExistOk()
    {
        Model model = await Register(ModelFile("new"), "m");
        Folder.Write("out/model.pkl", "old");

        Assert.That(async () => await Download(model, Folder.Combine("out")),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("already exists").And.Message.Contains("existOk"));
        Assert.That(File.ReadAllText(Folder.Combine("out", "model.pkl")), Is.EqualTo("old"));

        await Download(model, Folder.Combine("out"), existOk: true);
        Assert.That(File.ReadAllText(Folder.Combine("out", "model.pkl")), Is.EqualTo("new"));
    }

    [Test]
    public async Task Download_RegisteredFileChangedLater_KeepsRegisteredContent()
    {
        string source = ModelFile("v1");
        Model model = await Register(source, "m");
        File.WriteAllText(source, "changed");

        string path = await Download(model, Folder.Combine("out"));

        Assert.That(File.ReadAllText(path), Is.EqualTo("v1"));
    }

    [Test]
    public async Task AddTagsAndRemoveTags_ChangeTagsAndPersist()
    {
        Model model = await Register(ModelFile(), "m", tags: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        if (_async)
        {
            await model.AddTagsAsync(new Dictionary<string, string> { ["a"] = "10", ["c"] = "3" });
            await model.RemoveTagsAsync(new[] { "b", "missing" });
        }
        else
        {
            model.AddTags(new Dictionary<string, string> { ["a"] = "10", ["c"] = "3" });
            model.RemoveTags(new[] { "b", "missing" });
        }

        var expected = new Dictionary<string, string> { ["a"] = "10", ["c"] = "3" };
        Assert.That(model.Tags, Is.EqualTo(expected));
        Assert.That((await Get("m")).Tags, Is.EqualTo(expected));
    }

    [Test]
    public async Task AddProperties_SameValueAgain_IsAcceptedButChangeIsRefused()
    {
        Model model = await Register(ModelFile(), "m", properties: new Dictionary<string, string> { ["auc"] = "0.9" });

        await AddProperties(model, new Dictionary<string, string> { ["auc"] = "0.9", ["rows"] = "100" });

        Assert.That(model.Properties, Is.EqualTo(new Dictionary<string, string> { ["auc"] = "0.9", ["rows"] = "100" }));
        Assert.That(async () => await AddProperties(model, new Dictionary<string, string> { ["auc"] = "0.5" }),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("'auc'").And.Message.Contains("immutable"));
        Assert.That((await Get("m")).Properties["auc"], Is.EqualTo("0.9"));
    }

    [Test]
    public async Task Update_GivenFields_ReplaceOnlyThose()
    {
        Model model = await Register(ModelFile(), "m", tags: new Dictionary<string, string> { ["old"] = "x" });
        var resources = new ResourceConfiguration(cpu: 2, memoryInGB: 1.5);

        if (_async) await model.UpdateAsync(tags: new Dictionary<string, string> { ["new"] = "y" }, resourceConfiguration: resources);
        else model.Update(tags: new Dictionary<string, string> { ["new"] = "y" }, resourceConfiguration: resources);
        model.Update(description: "better");

        Model reread = await Get("m");
        Assert.Multiple(() =>
        {
            Assert.That(reread.Tags, Is.EqualTo(new Dictionary<string, string> { ["new"] = "y" }));
            Assert.That(reread.Description, Is.EqualTo("better"));
            Assert.That(reread.ResourceConfiguration, Is.EqualTo(resources));
        });
    }

    [Test]
    public async Task Delete_OneVersion_RemovesItsFilesAndNumberIsNotReused()
    {
        await Register(ModelFile(), "m");
        Model second = await Register(ModelFile(), "m");
        string folder = new Uri(second.Url).LocalPath;

        if (_async) await second.DeleteAsync();
        else second.Delete();
        Model third = await Register(ModelFile(), "m");

        Assert.Multiple(async () =>
        {
            Assert.That(Directory.Exists(folder), Is.False);
            Assert.That((await List("m")).Select(m => m.Version), Is.EqualTo(new[] { 3, 1 }));
            Assert.That(third.Version, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Update_DeletedModel_ThrowsNotFound()
    {
        Model model = await Register(ModelFile(), "m");
        model.Delete();

        Assert.That(() => model.AddTags(new Dictionary<string, string> { ["a"] = "b" }), Throws.TypeOf<ModelNotFoundException>().With.Message.Contains("m:1"));
    }

    [Test]
    public async Task Serialize_HasTheRegisteredModelJsonShape()
    {
        Model model = await Register(ModelFile(), "mymodel", tags: new Dictionary<string, string> { ["k"] = "v" });

        JsonObject json = JsonNode.Parse(model.Serialize())!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "createdTime", "description", "experimentName", "framework", "frameworkVersion", "id", "name", "properties", "runId", "tags", "version",
            }));
            Assert.That((string?)json["id"], Is.EqualTo("mymodel:1"));
            Assert.That((int?)json["version"], Is.EqualTo(1));
            Assert.That((string?)json["framework"], Is.EqualTo("Custom"));
            Assert.That((string?)json["tags"]!["k"], Is.EqualTo("v"));
            Assert.That((string?)json["createdTime"], Does.EndWith("+00:00"));
        });
    }

    [Test]
    public async Task Register_ReopenedWorkspace_SeesTheModel()
    {
        await Register(ModelFile("w"), "m", tags: new Dictionary<string, string> { ["t"] = "1" });

        Model reread = new(Workspace.Local(Folder.Combine("ws")), "m");

        Assert.That(reread.Tags["t"], Is.EqualTo("1"));
        Assert.That(File.ReadAllText(reread.Download(Folder.Combine("out"))), Is.EqualTo("w"));
    }
}
