using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Local;
using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

public class DatasetInputTests : LocalWorkspaceTest
{
    private static readonly IReadOnlyDictionary<string, DatasetInput> NoData = new Dictionary<string, DatasetInput>();
    private LocalBackend _backend = null!;
    private string _runId = null!;
    private string _working = null!;
    private FileDataset _images = null!;

    [SetUp]
    public void SetUp()
    {
        _backend = (LocalBackend)Ws.Backend;
        _runId = _backend.Runs.CreateAsync(new RunCreateRequest { ExperimentName = "inputs", RunType = "azureml.scriptrun" }, CancellationToken.None)
            .GetAwaiter().GetResult().RunId;
        _working = _backend.WorkingFolder(_runId);
        Directory.CreateDirectory(_working);
        Folder.Write("images/a.png", "a");
        Folder.Write("images/sub/b.png", "b");
        _images = Dataset.File.UploadDirectory(Folder.Combine("images"), (Ws.GetDefaultDatastore(), "images"), showProgress: false);
    }

    // What a submission hands the launcher: argument texts, and the inputs the consumption configs stand for.
    private DatasetInputsResult Materialize(IEnumerable<object> arguments, IReadOnlyDictionary<string, DatasetInput>? data = null)
    {
        var inputs = new Dictionary<string, DatasetInput>(data ?? NoData);
        foreach (DatasetConsumptionConfig config in arguments.OfType<DatasetConsumptionConfig>()) inputs[config.Name] = DatasetInput.From(config);
        return LocalDatasetInputs.Materialize(_backend, _runId, arguments.Select(a => a.ToString()!).ToList(), inputs, _working);
    }

    [Test]
    public void AsNamedInput_ToString_IsPlaceholder()
    {
        DatasetConsumptionConfig config = _images.AsNamedInput("mnist").AsMount();

        Assert.Multiple(() =>
        {
            Assert.That(config.ToString(), Is.EqualTo("DatasetConsumptionConfig:mnist"));
            Assert.That(config.Mode, Is.EqualTo(DatasetConsumptionMode.Mount));
            Assert.That(_images.AsNamedInput("mnist").Mode, Is.EqualTo(DatasetConsumptionMode.Direct));
            Assert.That(_images.AsNamedInput("mnist").AsDownload("data").PathOnCompute, Is.EqualTo("data"));
        });
    }

    [TestCase("1st")]
    [TestCase("has-dash")]
    [TestCase("")]
    public void AsNamedInput_InvalidName_StatesTheRule(string name)
    {
        Assert.That(() => _images.AsNamedInput(name), Throws.InstanceOf<ArgumentException>().Or.TypeOf<UserErrorException>());
    }

    [Test]
    public void Materialize_MountArgument_ReplacesPlaceholderWithReadOnlyFolder()
    {
        object[] arguments = ["--data-folder", _images.AsNamedInput("mnist").AsMount(), "--epochs", "3"];

        DatasetInputsResult result = Materialize(arguments);

        string folder = Path.Combine(_working, LocalDatasetInputs.InputsFolder, "mnist");
        Assert.Multiple(() =>
        {
            Assert.That(result.Arguments, Is.EqualTo(new[] { "--data-folder", folder, "--epochs", "3" }));
            Assert.That(File.ReadAllText(Path.Combine(folder, "sub", "b.png")), Is.EqualTo("b"));
            Assert.That(File.GetAttributes(Path.Combine(folder, "sub", "b.png")).HasFlag(FileAttributes.ReadOnly), Is.True);
            Assert.That(result.EnvironmentVariables["mnist"], Is.EqualTo(folder));
        });
    }

    [Test]
    public void Materialize_DownloadWithPathOnCompute_WritableCopyThere()
    {
        object[] arguments = [_images.AsNamedInput("train").AsDownload("data/train")];

        DatasetInputsResult result = Materialize(arguments);

        string folder = Path.Combine(_working, "data", "train");
        Assert.Multiple(() =>
        {
            Assert.That(result.Arguments, Is.EqualTo(new[] { folder }));
            Assert.That(File.GetAttributes(Path.Combine(folder, "a.png")).HasFlag(FileAttributes.ReadOnly), Is.False);
        });
    }

    [Test]
    public void Materialize_Always_SetsInputDatasetsJsonForThePythonShim()
    {
        object[] arguments = [_images.AsNamedInput("images").AsMount(), _images.AsNamedInput("copy").AsDownload()];

        DatasetInputsResult result = Materialize(arguments);

        JsonObject json = JsonNode.Parse(result.EnvironmentVariables[LocalDatasetInputs.InputDatasetsVariable])!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.EquivalentTo(new[] { "images", "copy" }));
            Assert.That((string?)json["images"]!["path"], Is.EqualTo(Path.Combine(_working, LocalDatasetInputs.InputsFolder, "images")));
            Assert.That((string?)json["images"]!["mechanism"], Is.EqualTo("mount"));
            Assert.That((string?)json["copy"]!["type"], Is.EqualTo("file"));
            Assert.That((string?)json["copy"]!["mechanism"], Is.EqualTo("download"));
        });
    }

    [Test]
    public void Materialize_DataSectionById_ResolvesRegisteredDatasetAndVariableName()
    {
        Dataset registered = _images.Register(Ws, "mnist-dataset");
        var data = new Dictionary<string, DatasetInput>
        {
            ["mnist"] = new() { Name = "mnist", DatasetId = registered.Id, Mechanism = DatasetInput.Mount, EnvironmentVariableName = "MNIST_PATH" },
        };

        DatasetInputsResult result = Materialize(["--data-folder", "DatasetConsumptionConfig:mnist"], data);

        string folder = Path.Combine(_working, LocalDatasetInputs.InputsFolder, "mnist");
        Assert.Multiple(() =>
        {
            Assert.That(result.Arguments[1], Is.EqualTo(folder));
            Assert.That(result.EnvironmentVariables["MNIST_PATH"], Is.EqualTo(folder));
            Assert.That(result.EnvironmentVariables.ContainsKey("mnist"), Is.False);
            Assert.That(Ws.GetRun(_runId).InputDatasets, Is.EqualTo(new Dictionary<string, string> { ["mnist"] = folder }));
        });
    }

    [Test]
    public void Materialize_DataSectionByNameAndVersion_PicksThatVersion()
    {
        TabularDataset table = Dataset.Tabular.FromDelimitedFiles(Folder.Write("t.csv", "x\n1\n2\n3\n"));
        table.Register(Ws, "numbers");
        table.Take(1).Register(Ws, "numbers", createNewVersion: true);
        var data = new Dictionary<string, DatasetInput>
        {
            ["numbers"] = new() { Name = "numbers", DatasetName = "numbers", DatasetVersion = "1", Mechanism = DatasetInput.Download },
        };

        DatasetInputsResult result = Materialize(["DatasetConsumptionConfig:numbers"], data);

        Assert.That(File.ReadAllLines(Path.Combine(result.Arguments[0], "part-00000.csv")), Is.EqualTo(new[] { "x", "1", "2", "3" }),
            "a tabular input arrives as its rows in CSV");
    }

    [Test]
    public void Materialize_DownloadOntoExistingFiles_NeedsOverwrite()
    {
        Folder.Write(Path.Combine(_working, "data", "a.png"), "old");
        var input = new DatasetInput { Name = "d", DatasetId = _images.Register(Ws, "imgs").Id, Mechanism = DatasetInput.Download, PathOnCompute = "data" };

        Assert.That(() => LocalDatasetInputs.Materialize(_backend, _runId, [], new Dictionary<string, DatasetInput> { ["d"] = input }, _working),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("a.png").And.Message.Contains("overwrite"));
        DatasetInputsResult result = LocalDatasetInputs.Materialize(_backend, _runId, [], new Dictionary<string, DatasetInput> { ["d"] = input with { Overwrite = true } }, _working);
        Assert.That(File.ReadAllText(Path.Combine(result.EnvironmentVariables["d"], "a.png")), Is.EqualTo("a"));
    }

    [Test]
    public void Materialize_PlaceholderWithoutInput_NamesItAndTheInputs()
    {
        object[] arguments = [_images.AsNamedInput("images"), "DatasetConsumptionConfig:mnist"];

        Assert.That(() => Materialize(arguments), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("'mnist'").And.Message.Contains("Inputs: images"));
    }

    [Test]
    public void Materialize_UnsupportedMechanismOrUnknownDataset_Refused()
    {
        var hdfs = new Dictionary<string, DatasetInput> { ["h"] = new() { Name = "h", DatasetName = "x", Mechanism = "hdfs" } };
        var unknown = new Dictionary<string, DatasetInput> { ["u"] = new() { Name = "u", DatasetName = "not-registered", Mechanism = DatasetInput.Mount } };

        Assert.Multiple(() =>
        {
            Assert.That(() => LocalDatasetInputs.Materialize(_backend, _runId, [], hdfs, _working),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("'hdfs'"));
            Assert.That(() => LocalDatasetInputs.Materialize(_backend, _runId, [], unknown, _working),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("not-registered"));
        });
    }

    [Test]
    public void Submit_TwoDifferentInputsWithOneName_RefusedBeforeTheRunStarts()
    {
        TabularDataset table = Dataset.Tabular.FromDelimitedFiles(Folder.Write("t.csv", "x\n1\n"));
        Folder.Write("src/train.py", "print('never runs')\n");
        var config = new ScriptRunConfig(Folder.Combine("src"), "train.py", arguments: [_images.AsNamedInput("data"), table.AsNamedInput("data")]);

        Assert.That(() => new Experiment(Ws, "duplicates").Submit(config),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("Two different dataset inputs are named 'data'"));
    }

    [Test]
    public void InputDatasets_RunWithoutInputs_IsEmpty()
    {
        Assert.That(Ws.GetRun(_runId).InputDatasets, Is.Empty);
    }
}
