using System.Globalization;
using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

public class DatasetTests : LocalWorkspaceTest
{
    private const string HeartFailureName = "heart-failure-records";

    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "datasets", name);

    private static string HeartFailureCsv => Fixture("heart_failure_clinical_records.csv");

    [Test]
    public void ToDataFrame_RegisteredHeartFailure_DescribeMatchesIndependentStatistics()
    {
        // Arrange: the seed-003 flow, through a datastore as a user would do it
        Datastore datastore = Ws.GetDefaultDatastore();
        datastore.UploadFiles([HeartFailureCsv], targetPath: "heart", showProgress: false);
        Dataset.Tabular.FromDelimitedFiles((datastore, "heart/*.csv")).Register(Ws, HeartFailureName, "UCI heart failure records");

        // Act
        Dataset dataset = Ws.Datasets[HeartFailureName];
        DataFrame df = dataset.ToDataFrame();
        DataFrame summary = df.Describe();

        // Assert
        string[] lines = File.ReadAllLines(HeartFailureCsv);
        string[] header = lines[0].Split(',');
        double[][] rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(dataset.Version, Is.EqualTo(1));
            Assert.That(df.RowCount, Is.EqualTo(299));
            Assert.That(df.ColumnNames, Is.EqualTo(header));
            for (int c = 0; c < header.Length; c++)
            {
                double[] expected = Statistics(rows.Select(r => r[c]).ToArray());
                double[] actual = Enumerable.Range(0, 8).Select(r => summary[header[c]].GetDouble(r)).ToArray();
                Assert.That(actual, Is.EqualTo(expected).Within(1e-9), header[c]);
            }
        });
    }

    // count, mean, sample std, min, quartiles (linear interpolation), max: written independently of the SDK.
    private static double[] Statistics(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double Quantile(double q)
        {
            double h = (sorted.Length - 1) * q;
            int lo = (int)h;
            return sorted[lo] + (h - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]);
        }

        return [values.Length, mean, std, sorted[0], Quantile(0.25), Quantile(0.5), Quantile(0.75), sorted[^1]];
    }

    [Test]
    public void ToDataFrame_RaggedRow_NamesFileAndLine()
    {
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(Fixture("ragged.csv"));

        Assert.That(() => dataset.ToDataFrame(), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains("ragged.csv").And.Message.Contains("line 4"));
    }

    [Test]
    public void FromDelimitedFiles_MissingLocalFile_RefusedWhenValidating()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Dataset.Tabular.FromDelimitedFiles(Folder.Combine("none.csv")), Throws.TypeOf<UserErrorException>().With.Message.Contains("none.csv"));
            Assert.That(() => Dataset.Tabular.FromDelimitedFiles(Folder.Combine("none.csv"), validate: false), Throws.Nothing);
        });
    }

    [Test]
    public void FromDelimitedFiles_DatastoreGlobAcrossFiles_ReadsAllInOrderWithPath()
    {
        Folder.Write("src/part1.csv", "a,b\n1,x\n2,y\n");
        Folder.Write("src/part2.csv", "a,b\n3,z\n");
        Folder.Write("src/notes.txt", "not a csv");
        Datastore datastore = Ws.GetDefaultDatastore();
        datastore.Upload(Folder.Combine("src"), "parts", showProgress: false);

        DataFrame df = Dataset.Tabular.FromDelimitedFiles((datastore, "parts/part?.csv"), includePath: true).ToDataFrame();

        Assert.Multiple(() =>
        {
            Assert.That(df.ColumnNames, Is.EqualTo(new[] { "Path", "a", "b" }));
            Assert.That(Enumerable.Range(0, df.RowCount).Select(r => df["a"].GetInt64(r)), Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(df["Path"].GetString(2), Does.EndWith("parts/part2.csv"));
        });
    }

    [Test]
    public void FromDelimitedFiles_Options_SeparatorHeaderTypesAndEncoding()
    {
        File.WriteAllText(Folder.Combine("semi.csv"), "1;café;0\n2;thé;1\n", System.Text.Encoding.Latin1);

        DataFrame df = Dataset.Tabular.FromDelimitedFiles(Folder.Combine("semi.csv"), separator: ';', header: false, encoding: "latin1",
            setColumnTypes: new Dictionary<string, DataFrameColumnType> { ["Column3"] = DataFrameColumnType.Boolean }).ToDataFrame();

        Assert.Multiple(() =>
        {
            Assert.That(df.ColumnNames, Is.EqualTo(new[] { "Column1", "Column2", "Column3" }));
            Assert.That(df["Column2"].GetString(0), Is.EqualTo("café"));
            Assert.That(df["Column3"].DataType, Is.EqualTo(DataFrameColumnType.Boolean));
            Assert.That(Dataset.Tabular.FromDelimitedFiles(Folder.Combine("semi.csv"), inferColumnTypes: false, header: false, separator: ';', encoding: "latin1")
                .ToDataFrame()["Column1"].DataType, Is.EqualTo(DataFrameColumnType.String));
        });
    }

    [Test]
    public void FromDelimitedFiles_UnknownEncoding_Refused()
    {
        Assert.That(() => Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv, encoding: "ebcdic"),
            Throws.TypeOf<UserErrorException>().With.Message.Contains("ebcdic"));
    }

    [Test]
    public void Transformations_RecordedAsStepsAndAppliedOnRead()
    {
        TabularDataset all = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv);

        TabularDataset shaped = all.Skip(10).Take(5).KeepColumns("age", "time", "DEATH_EVENT").DropColumns("time");
        DataFrame df = shaped.ToDataFrame();
        DataFrame full = all.ToDataFrame();

        Assert.Multiple(() =>
        {
            Assert.That(df.ColumnNames, Is.EqualTo(new[] { "age", "DEATH_EVENT" }));
            Assert.That(df.RowCount, Is.EqualTo(5));
            Assert.That(df["age"].GetDouble(0), Is.EqualTo(full["age"].GetDouble(10)));
            Assert.That(shaped.Name, Is.Null, "a transformed dataset is a new, unregistered dataset");
            Assert.That(all.ToDataFrame().RowCount, Is.EqualTo(299), "the source dataset is unchanged");
        });
    }

    [Test]
    public void KeepColumns_UnknownColumn_FailsOnReadListingColumns()
    {
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv).KeepColumns("nope");

        Assert.That(() => dataset.ToDataFrame(), Throws.TypeOf<UserErrorException>().With.Message.Contains("nope").And.Message.Contains("age"));
    }

    [Test]
    public void RandomSplit_Seeded_DisjointCompleteAndRepeatable()
    {
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv);

        (TabularDataset train, TabularDataset test) = dataset.RandomSplit(0.8, seed: 42);
        (TabularDataset train2, _) = dataset.RandomSplit(0.8, seed: 42);
        (TabularDataset unseeded, TabularDataset unseededRest) = dataset.RandomSplit(0.5);

        long[] Times(TabularDataset d) { DataFrame f = d.ToDataFrame(); return Enumerable.Range(0, f.RowCount).Select(r => f["time"].GetInt64(r)).ToArray(); }
        Assert.Multiple(() =>
        {
            Assert.That(Times(train).Length + Times(test).Length, Is.EqualTo(299));
            Assert.That(Times(train).Length, Is.InRange(200, 280));
            Assert.That(Times(train2), Is.EqualTo(Times(train)));
            Assert.That(Times(unseeded).Length + Times(unseededRest).Length, Is.EqualTo(299), "an unseeded split records one seed for both halves");
            long[] firstRead = Times(unseeded);
            Assert.That(Times(unseeded), Is.EqualTo(firstRead), "the recorded seed reads the same rows again");
        });
    }

    [Test]
    public void ToCsvFiles_TakeThenDownload_WritesTheRowsAsCsv()
    {
        FileDataset csv = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv).Take(3).KeepColumns("age", "sex").ToCsvFiles();

        IReadOnlyList<string> files = csv.Download(Folder.Combine("csv"));

        Assert.Multiple(() =>
        {
            Assert.That(csv.ToPath(), Is.EqualTo(new[] { "/part-00000.csv" }));
            Assert.That(File.ReadAllLines(files.Single()), Is.EqualTo(new[] { "age,sex", "75,1", "55,1", "65,1" }));
        });
    }

    [Test]
    public void Register_SameNameChangedDefinition_NeedsCreateNewVersion()
    {
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv);
        dataset.Register(Ws, HeartFailureName);

        Assert.That(() => dataset.Take(10).Register(Ws, HeartFailureName), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains(HeartFailureName).And.Message.Contains("createNewVersion: true"));
    }

    [Test]
    public void Register_Versions_OneTwoThreeAndLookups()
    {
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv);

        Dataset v1 = dataset.Register(Ws, HeartFailureName, "all rows", new Dictionary<string, string> { ["stage"] = "raw" });
        Dataset v1Again = dataset.Register(Ws, HeartFailureName);
        Dataset v2 = dataset.Take(100).Register(Ws, HeartFailureName, createNewVersion: true);
        Dataset v3 = dataset.Take(50).Register(Ws, HeartFailureName, "first 50", createNewVersion: true);

        Assert.Multiple(() =>
        {
            Assert.That(new int?[] { v1.Version, v1Again.Version, v2.Version, v3.Version }, Is.EqualTo(new int?[] { 1, 1, 2, 3 }));
            Assert.That(v1.Id, Is.Not.Null.And.Not.EqualTo(v2.Id));
            Assert.That(v1.Name, Is.EqualTo(HeartFailureName));
            Assert.That(v1.Tags["stage"], Is.EqualTo("raw"));
            Assert.That(v1.Description, Is.EqualTo("all rows"));
            Assert.That(Dataset.GetByName(Ws, HeartFailureName).Version, Is.EqualTo(3));
            Assert.That(Dataset.GetByName(Ws, HeartFailureName, "2").ToDataFrame().RowCount, Is.EqualTo(100));
            Assert.That(Dataset.GetById(Ws, v1.Id!).ToDataFrame().RowCount, Is.EqualTo(299));
            Assert.That(Ws.Datasets[HeartFailureName].Version, Is.EqualTo(3));
            Assert.That(v3, Is.InstanceOf<TabularDataset>());
        });
    }

    [Test]
    public void GetByName_MissingNameOrVersion_SaysWhatExists()
    {
        Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv).Register(Ws, HeartFailureName);

        Assert.Multiple(() =>
        {
            Assert.That(() => Dataset.GetByName(Ws, "other"), Throws.TypeOf<UserErrorException>().With.Message.Contains(HeartFailureName));
            Assert.That(() => Dataset.GetByName(Ws, HeartFailureName, "7"), Throws.TypeOf<UserErrorException>().With.Message.Contains("versions 1 to 1"));
            Assert.That(() => Dataset.GetByName(Ws, HeartFailureName, "v2"), Throws.TypeOf<UserErrorException>().With.Message.Contains("\"latest\""));
            Assert.That(() => Dataset.GetById(Ws, "no-such-id"), Throws.TypeOf<UserErrorException>().With.Message.Contains("no-such-id"));
            Assert.That(() => Ws.Datasets["other"], Throws.TypeOf<KeyNotFoundException>()
                .With.Message.Contains("'other'").And.Message.Contains(HeartFailureName));
        });
    }

    [Test]
    public void UnregisterAllVersions_RemovesNameOnly()
    {
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(HeartFailureCsv);
        Dataset registered = dataset.Register(Ws, HeartFailureName);
        dataset.Take(1).Register(Ws, HeartFailureName, createNewVersion: true);
        dataset.Register(Ws, "kept");

        registered.UnregisterAllVersions();

        Assert.Multiple(() =>
        {
            Assert.That(Ws.Datasets.Keys, Is.EqualTo(new[] { "kept" }));
            Assert.That(() => dataset.UnregisterAllVersions(), Throws.TypeOf<UserErrorException>().With.Message.Contains("not registered"));
        });
    }

    [Test]
    public void RegisterFromDefinitionFile_Tabular_RegistersWithRegistrationFields()
    {
        Dataset dataset = Dataset.RegisterFromDefinitionFile(Ws, Fixture("tabular.dataset.json"));

        Assert.Multiple(() =>
        {
            Assert.That(dataset, Is.InstanceOf<TabularDataset>());
            Assert.That(dataset.Name, Is.EqualTo(HeartFailureName));
            Assert.That(dataset.Description, Is.EqualTo("heart failure records"));
            Assert.That(dataset.Tags["source"], Is.EqualTo("uci"));
            Assert.That(Ws.Datasets[HeartFailureName].ToDataFrame().RowCount, Is.EqualTo(299));
        });
    }

    [Test]
    public void RegisterFromDefinitionFile_File_ListsFiles()
    {
        Dataset dataset = Dataset.RegisterFromDefinitionFile(Ws, Fixture("file.dataset.json"));

        Assert.Multiple(() =>
        {
            Assert.That(dataset, Is.InstanceOf<FileDataset>());
            Assert.That(((FileDataset)dataset).ToPath(), Is.EqualTo(new[] { "/heart_failure_clinical_records.csv", "/ragged.csv" }));
            Assert.That(() => dataset.ToDataFrame(), Throws.TypeOf<UserErrorException>().With.Message.Contains("file dataset"));
        });
    }

    [Test]
    public void Sources_ListWhereTheDataComesFrom_AfterARoundTripThroughTheRegistry()
    {
        string csv = Folder.Write("data/a.csv", "x\n1\n");
        Datastore store = Ws.GetDefaultDatastore();
        Dataset.Tabular.FromDelimitedFiles(new DataPath[] { csv }).Register(Ws, "local-one");
        Dataset.File.FromFiles(new[] { new DataPath(store, "folder/*.csv") }, validate: false).Register(Ws, "in-store");

        Assert.Multiple(() =>
        {
            Assert.That(Ws.Datasets["local-one"].Sources, Is.EqualTo(new[] { csv }));
            Assert.That(Ws.Datasets["in-store"].Sources, Is.EqualTo(new[] { "azureml://datastores/workspaceblobstore/paths/folder/*.csv" }));
        });
    }

    [TestCase("""{"datasetType": "Image", "parameters": {"path": "a.csv"}, "registration": {"name": "x"}, "schemaVersion": 1}""", "'datasetType' is 'Image'")]
    [TestCase("""{"datasetType": "File", "parameters": {"path": "a.csv"}, "registration": {"name": "x"}, "schemaVersion": 2}""", "'schemaVersion' must be 1")]
    [TestCase("""{"datasetType": "File", "parameters": {"path": "a.csv", "header": true}, "registration": {"name": "x"}, "schemaVersion": 1}""", "'parameters.header' is not a known field")]
    [TestCase("""{"datasetType": "File", "parameters": {}, "registration": {"name": "x"}, "schemaVersion": 1}""", "'parameters.path' is missing")]
    [TestCase("""{"datasetType": "File", "parameters": {"path": "a.csv"}, "registration": {}, "schemaVersion": 1}""", "'registration.name' is missing")]
    [TestCase("""{"datasetType": "Tabular", "parameters": {"path": "a.csv", "header": "yes"}, "registration": {"name": "x"}, "schemaVersion": 1}""", "'header' must be true or false")]
    [TestCase("""{"datasetType": "File", "parameters": {"path": "a.csv"}""", "not valid JSON")]
    public void RegisterFromDefinitionFile_Malformed_NamesFileAndField(string json, string expected)
    {
        Folder.Write("a.csv", "x\n1\n");
        string file = Folder.Write("dataset.json", json);

        Assert.That(() => Dataset.RegisterFromDefinitionFile(Ws, file), Throws.TypeOf<UserErrorException>()
            .With.Message.Contains(expected).And.Message.Contains(file));
    }
}
