using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

/// <summary>Sets <c>AZUREML_MODEL_DIR</c>, which is process-wide.</summary>
[NonParallelizable]
public class ModelPathTests : LocalWorkspaceTest
{
    private string? _saved;

    [SetUp]
    public void SetUp()
    {
        _saved = System.Environment.GetEnvironmentVariable(Model.ModelDirVariable);
    }

    [TearDown]
    public void TearDown()
    {
        System.Environment.SetEnvironmentVariable(Model.ModelDirVariable, _saved);
    }

    [Test]
    public void GetModelPath_OneModelDeployed_ReturnsItsFile()
    {
        string file = Folder.Write("azureml-models/iris/3/model.pkl", "m");
        System.Environment.SetEnvironmentVariable(Model.ModelDirVariable, Folder.Combine("azureml-models", "iris", "3"));

        Assert.Multiple(() =>
        {
            Assert.That(Model.GetModelPath("iris"), Is.EqualTo(file));
            Assert.That(Model.GetModelPath("iris", version: 3), Is.EqualTo(file));
            Assert.That(() => Model.GetModelPath("iris", version: 2), Throws.TypeOf<ModelNotFoundException>().With.Message.Contains("version 2"));
            Assert.That(() => Model.GetModelPath("other"), Throws.TypeOf<ModelNotFoundException>().With.Message.Contains("'iris'"));
        });
    }

    [Test]
    public async Task GetModelPath_SeveralModelsDeployed_PicksNameAndVersion()
    {
        Folder.Write("azureml-models/iris/1/model.pkl", "old");
        Folder.Write("azureml-models/iris/2/model.pkl", "new");
        Folder.Write("azureml-models/heart/1/outputs/model.onnx", "onnx");
        Folder.Write("azureml-models/heart/1/outputs/labels.txt", "a");
        System.Environment.SetEnvironmentVariable(Model.ModelDirVariable, Folder.Combine("azureml-models"));

        Assert.Multiple(async () =>
        {
            Assert.That(Model.GetModelPath("iris"), Is.EqualTo(Folder.Combine("azureml-models", "iris", "2", "model.pkl")));
            Assert.That(await Model.GetModelPathAsync("iris", 1), Is.EqualTo(Folder.Combine("azureml-models", "iris", "1", "model.pkl")));
            Assert.That(Model.GetModelPath("heart"), Is.EqualTo(Folder.Combine("azureml-models", "heart", "1", "outputs")));
            Assert.That(() => Model.GetModelPath("iris", 5), Throws.TypeOf<ModelNotFoundException>().With.Message.Contains("1, 2"));
        });
    }

    [Test]
    public void GetModelPath_NoVariableNoWorkspace_ThrowsSayingWhatToPass()
    {
        System.Environment.SetEnvironmentVariable(Model.ModelDirVariable, null);

        Assert.That(() => Model.GetModelPath("iris"), Throws.TypeOf<UserErrorException>().With.Message.Contains(Model.ModelDirVariable).And.Message.Contains("workspace"));
    }

    [Test]
    public void GetModelPath_WithWorkspace_ReturnsTheRegisteredFile()
    {
        Workspace workspace = Workspace.Local(Folder.Combine("ws"));
        Model.Register(workspace, Folder.Write("src/model.pkl", "v1"), "iris");
        Model.Register(workspace, Folder.Write("src/model.pkl", "v2"), "iris");

        string latest = Model.GetModelPath("iris", workspace: workspace);
        string first = Model.GetModelPath("iris", version: 1, workspace: workspace);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(latest), Is.EqualTo("v2"));
            Assert.That(File.ReadAllText(first), Is.EqualTo("v1"));
            Assert.That(first, Does.EndWith(Path.Combine("iris", "1", "model.pkl")));
        });
    }
}
