using NUnit.Framework;

namespace AzureML.Core.Tests.Models;

[TestFixture(true)]
[TestFixture(false)]
public class RunRegisterModelTests : LocalWorkspaceTest
{
    private readonly bool _async;
    private Run _run = null!;

    public RunRegisterModelTests(bool isAsync) => _async = isAsync;

    [SetUp]
    public void SetUp()
    {
        _run = new Experiment(Ws, "train").StartLogging();
        _run.UploadFile("outputs/model.joblib", Folder.Write("model.joblib", "joblib"));
        _run.UploadFile("outputs/scoring_file_v_1_0_0.py", Folder.Write("score.py", "def run(d): pass"));
        _run.UploadFile("logs/train.log", Folder.Write("train.log", "log"));
    }

    private async Task<Model> RegisterModel(string modelName, string modelPath, string? framework = null, ResourceConfiguration? resources = null)
        => _async
            ? await _run.RegisterModelAsync(modelName, modelPath, modelFramework: framework, modelFrameworkVersion: "0.19.1", resourceConfiguration: resources)
            : _run.RegisterModel(modelName, modelPath, modelFramework: framework, modelFrameworkVersion: "0.19.1", resourceConfiguration: resources);

    [Test]
    public async Task RegisterModel_ArtifactFile_StoresItUnderItsBaseNameWithTheRun()
    {
        Model model = await RegisterModel("sklearn-iris", "outputs/model.joblib", Model.Framework.ScikitLearn, new ResourceConfiguration(cpu: 1, memoryInGB: 0.5));

        Assert.Multiple(() =>
        {
            Assert.That(model.Id, Is.EqualTo("sklearn-iris:1"));
            Assert.That(model.Files, Is.EqualTo(new[] { "model.joblib" }));
            Assert.That(model.RunId, Is.EqualTo(_run.Id));
            Assert.That(model.ExperimentName, Is.EqualTo("train"));
            Assert.That(model.ModelFramework, Is.EqualTo("ScikitLearn"));
            Assert.That(model.ModelFrameworkVersion, Is.EqualTo("0.19.1"));
            Assert.That(model.ResourceConfiguration, Is.EqualTo(new ResourceConfiguration(1, 0.5)));
            Assert.That(File.ReadAllText(model.Download(Folder.Combine("out"))), Is.EqualTo("joblib"));
            Assert.That(Model.List(Ws, runId: _run.Id).Select(m => m.Id), Is.EqualTo(new[] { "sklearn-iris:1" }));
        });
    }

    [TestCase("./outputs/")]
    [TestCase("outputs/")]
    [TestCase("outputs")]
    public async Task RegisterModel_ArtifactFolder_StoresTheFolderOnly(string modelPath)
    {
        Model model = await RegisterModel("heart", modelPath);

        Assert.That(model.Files, Is.EqualTo(new[] { "outputs/model.joblib", "outputs/scoring_file_v_1_0_0.py" }));
        string folder = model.Download(Folder.Combine("out"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "model.joblib")), Is.EqualTo("joblib"));
    }

    [Test]
    public void RegisterModel_PathNotInRun_ThrowsListingTheRunsFiles()
        => Assert.That(async () => await RegisterModel("m", "outputs/model.pkl"),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("'outputs/model.pkl'").And.Message.Contains("outputs/model.joblib")
                .And.Message.Contains("logs/train.log"));

    [Test]
    public void RegisterModel_OfflineRun_ThrowsPointingToModelRegister()
        => Assert.That(() => Run.GetContext().RegisterModel("m", "outputs/model.joblib"),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("Model.Register"));

    [Test]
    public async Task RegisterModel_Twice_IncrementsVersion()
    {
        await RegisterModel("m", "outputs/model.joblib");

        Model second = await RegisterModel("m", "outputs/");

        Assert.That(second.Id, Is.EqualTo("m:2"));
    }
}
