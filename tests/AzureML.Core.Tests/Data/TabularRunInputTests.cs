using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

/// <summary>
/// Unmodified azureml scripts reading a tabular dataset input: <c>run.input_datasets['heart']</c> is a
/// TabularDataset whose rows honour the steps and column types recorded in C#.
/// </summary>
[Category("Integration")]
public class TabularRunInputTests : LocalWorkspaceTest
{
    private TabularDataset _heart = null!;

    [SetUp]
    public void RegisterHeartFailure()
    {
        Ws.GetDefaultDatastore().UploadFiles([TestDataFiles.HeartFailure], targetPath: "heart", showProgress: false);
        var types = new Dictionary<string, DataFrameColumnType> { ["anaemia"] = DataFrameColumnType.Boolean };
        _heart = (TabularDataset)Dataset.Tabular.FromDelimitedFiles((Ws.GetDefaultDatastore(), "heart/*.csv"), setColumnTypes: types)
            .Take(200).DropColumns("time")
            .Register(Ws, "heart-failure", "UCI heart failure records");
    }

    private (RunDetails Details, List<string> Lines) Run(string script, Environment? environment = null, params object[] arguments)
    {
        Folder.Write("src/train.py", script);
        var config = new ScriptRunConfig(Folder.Combine("src"), "train.py", arguments: arguments);
        if (environment is not null) config.RunConfig.Environment = environment;
        var lines = new List<string>();
        RunDetails details = new Experiment(Ws, "heart").Submit(config).WaitForCompletionAsync(lines.Add, raiseOnError: false).GetAwaiter().GetResult();
        return (details, lines);
    }

    private static Environment WithPandas()
    {
        var environment = new Environment("pandas-env");
        environment.Python.CondaDependencies = new CondaDependencies();
        environment.Python.CondaDependencies.AddCondaPackage("pandas");
        return environment;
    }

    [Test]
    public void InputDatasets_DirectTabularInput_IsATabularDatasetWithTheRecordedStepsAndTypes()
    {
        (RunDetails details, List<string> lines) = Run("""
            from azureml.core import Run
            run = Run.get_context()
            heart = run.input_datasets['heart']
            df = heart.to_pandas_dataframe()
            print("identity:", heart.name, heart.version, heart.id)
            print("shape:", df.shape)
            print("dtypes:", df.dtypes["age"], df.dtypes["anaemia"], df.dtypes["platelets"], df.dtypes["DEATH_EVENT"])
            print("has time:", "time" in df.columns)
            print("take/skip:", heart.skip(10).take(5).to_pandas_dataframe()["age"].tolist() == df["age"].iloc[10:15].tolist())
            print("keep:", list(heart.keep_columns(["sex", "age"]).to_pandas_dataframe().columns))
            print("drop:", len(heart.drop_columns("age").to_pandas_dataframe().columns))
            train, test = heart.random_split(0.8, seed=7)
            a, b = train.to_pandas_dataframe(), test.to_pandas_dataframe()
            print("split:", len(a) + len(b), len(a) > len(b), sorted(a["platelets"].tolist() + b["platelets"].tolist()) == sorted(df["platelets"].tolist()))
            print("again:", train.to_pandas_dataframe().equals(a))
            print("csv files:", heart.take(3).to_csv_files().to_path())
            """, WithPandas(), "--input", _heart.AsNamedInput("heart"));

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.EqualTo($"identity: heart-failure 1 {_heart.Id}"));
            Assert.That(lines, Has.One.EqualTo("shape: (200, 12)"), "Take(200) and DropColumns(\"time\") were recorded in C#");
            Assert.That(lines, Has.One.EqualTo("dtypes: float64 bool float64 int64"), "the types C# inferred or was given");
            Assert.That(lines, Has.One.EqualTo("has time: False"));
            Assert.That(lines, Has.One.EqualTo("take/skip: True"));
            Assert.That(lines, Has.One.EqualTo("keep: ['age', 'sex']"));
            Assert.That(lines, Has.One.EqualTo("drop: 11"));
            Assert.That(lines, Has.One.EqualTo("split: 200 True True"));
            Assert.That(lines, Has.One.EqualTo("again: True"));
            Assert.That(lines, Has.One.EqualTo("csv files: ['/part-00000.csv']"));
        });
    }

    [Test]
    public void InputDatasets_TabularPandasValues_AreTheRowsCSharpReads()
    {
        (RunDetails details, List<string> lines) = Run("""
            import json
            from azureml.core import Run
            df = Run.get_context().input_datasets['heart'].to_pandas_dataframe()
            rows = [{c: (v.item() if hasattr(v, "item") else v) for c, v in df.iloc[i].items()} for i in (0, 199)]
            print("rows:", json.dumps(rows))
            """, WithPandas(), "--input", _heart.AsNamedInput("heart"));
        DataFrame expected = _heart.ToDataFrame();

        string? printed = lines.FirstOrDefault(l => l.StartsWith("rows: ", StringComparison.Ordinal));
        Assert.That(printed, Is.Not.Null, string.Join("\n", lines));
        string json = printed!["rows: ".Length..];
        System.Text.Json.Nodes.JsonArray rows = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsArray();
        Assert.Multiple(() =>
        {
            foreach ((int index, int row) in new[] { (0, 0), (1, 199) })
            {
                for (int c = 0; c < expected.ColumnCount; c++)
                {
                    object? cell = expected.GetRow(row)[c];
                    System.Text.Json.Nodes.JsonNode node = rows[index]![expected.ColumnNames[c]]!;
                    object actual = cell switch
                    {
                        bool => node.GetValue<bool>(),
                        long => node.GetValue<long>(),
                        _ => node.GetValue<double>(),
                    };
                    Assert.That(actual, Is.EqualTo(cell), $"row {row}, column {expected.ColumnNames[c]}");
                }
            }
        });
        Assert.That(details.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void DatasetGetByName_InsideARun_ReturnsTheReceivedDatasetAndNamesWhatIsMissing()
    {
        (RunDetails details, List<string> lines) = Run("""
            from azureml.core import Dataset, Run
            ws = Run.get_context().experiment.workspace
            print("rows:", len(Dataset.get_by_name(ws, name="heart-failure").to_pandas_dataframe()))
            print("by id:", Dataset.get_by_id(ws, id=Run.get_context().input_datasets['heart'].id).name)
            try:
                Dataset.get_by_name(ws, "not-there")
            except ValueError as error:
                print("missing:", error)
            """, WithPandas(), "--input", _heart.AsNamedInput("heart"));

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.EqualTo("rows: 200"));
            Assert.That(lines, Has.One.EqualTo("by id: heart-failure"));
            Assert.That(lines, Has.One.EqualTo("missing: Dataset 'not-there' is not registered in this workspace. Registered datasets: heart-failure."));
        });
    }

    [Test]
    public void InputDatasets_FileAndMountedInputs_StayPaths()
    {
        (RunDetails details, List<string> lines) = Run("""
            import os
            from azureml.core import Run
            inputs = Run.get_context().input_datasets
            print("mounted:", type(inputs['mounted']).__name__, os.listdir(inputs['mounted']))
            print("files:", type(inputs['files']).__name__, os.listdir(inputs['files']))
            """, null, _heart.AsNamedInput("mounted").AsMount(), Dataset.File.FromFiles((Ws.GetDefaultDatastore(), "heart/*.csv")).AsNamedInput("files"));

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.EqualTo("mounted: str ['part-00000.csv']"));
            Assert.That(lines, Has.One.EqualTo("files: str ['heart_failure_clinical_records.csv']"));
        });
    }

    [Test]
    public void ToPandasDataframe_InterpreterWithoutPandas_SaysWhichInterpreterLacksItAndHowToGetIt()
    {
        string bare = TestPython.BareVenv(Folder.Combine("bare"), TestPython.With("pandas"));
        var environment = new Environment("no-pandas");
        environment.Python.InterpreterPath = bare;
        environment.Python.UserManagedDependencies = true;

        (RunDetails details, List<string> lines) = Run("""
            from azureml.core import Run
            heart = Run.get_context().input_datasets['heart']
            print("still a dataset:", heart.name)
            heart.to_pandas_dataframe()
            """, environment, "--input", _heart.AsNamedInput("heart"));

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(lines, Has.One.EqualTo("still a dataset: heart-failure"));
            Assert.That(details.Error!.Message, Does.Contain($"ImportError: to_pandas_dataframe() needs pandas, which {bare} (Python ")
                .And.Contain($"'{bare} -m pip install pandas'").And.Contain("sudo apt-get install python3-pandas"));
        });
    }

    [Test]
    public void Submit_TabularInputWithoutEnvironmentPackages_GetsAnInterpreterWithPandas()
    {
        string bare = TestPython.BareVenv(Folder.Combine("bare"), TestPython.With("pandas"));
        var environment = new Environment("no-packages");
        environment.Python.InterpreterPath = bare;

        (RunDetails details, List<string> lines) = Run("""
            from azureml.core import Run
            print("rows:", len(Run.get_context().input_datasets['heart'].to_pandas_dataframe()))
            """, environment, "--input", _heart.AsNamedInput("heart"));

        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(lines, Has.One.EqualTo("rows: 200"));
            Assert.That(lines, Has.One.StartWith("Python: ").And.Contain("(pandas)").And.Contain($"Passed over: {bare}"));
        });
    }
}
