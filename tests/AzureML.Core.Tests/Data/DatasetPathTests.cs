using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

public class DatasetPathTests : LocalWorkspaceTest
{
    [TestCase("raw")]
    [TestCase("raw/")]
    public void FromFiles_FolderWithOrWithoutTrailingSlash_KeepsWholeNames(string folder)
    {
        Folder.Write("raw/train.csv", "a\n1\n");
        Folder.Write("raw/sub/x.csv", "a\n2\n");

        FileDataset dataset = Dataset.File.FromFiles(Folder.Combine("raw") + (folder.EndsWith('/') ? "/" : ""));

        Assert.That(dataset.ToPath(), Is.EquivalentTo(new[] { "/train.csv", "/sub/x.csv" }));
    }

    [Test]
    public void FromFiles_SingleLevelWildcard_DoesNotDescendIntoSubfolders()
    {
        Folder.Write("raw/train.csv", "a\n1\n");
        Folder.Write("raw/sub/x.csv", "a\n2\n");

        FileDataset dataset = Dataset.File.FromFiles(Folder.Combine("raw") + "/*.csv");

        Assert.That(dataset.ToPath(), Is.EqualTo(new[] { "/train.csv" }));
    }

    [Test]
    public void UploadDirectory_PatternWithoutWildcards_UploadsOnlyThatFile()
    {
        Folder.Write("src/train.csv", "a\n1\n");
        Folder.Write("src/secret.env", "KEY=1\n");
        Datastore datastore = Ws.GetDefaultDatastore();

        FileDataset dataset = Dataset.File.UploadDirectory(Folder.Combine("src"), (datastore, "up"), pattern: "train.csv", showProgress: false);

        Assert.That(dataset.ToPath(), Is.EqualTo(new[] { "/train.csv" }));
    }

    [Test]
    public void ToCsv_OneColumnWithANull_ReadsBackTheSameRows()
    {
        var frame = new DataFrame(new[] { DataFrameColumn.OfString("name", new[] { "a", null, "b" }) });
        string file = Folder.Combine("one.csv");

        frame.ToCsv(file);
        DataFrame back = Dataset.Tabular.FromDelimitedFiles(file).ToDataFrame();

        Assert.That(back.RowCount, Is.EqualTo(3));
    }

    [Test]
    public void Describe_ColumnNamedStatistic_IsSummarizedToo()
    {
        var frame = new DataFrame(new[] { DataFrameColumn.OfDouble("statistic", new double?[] { 1, 2, 3 }) });

        DataFrame summary = frame.Describe();

        Assert.That(summary.ColumnNames, Does.Contain("statistic").And.Count.EqualTo(2));
    }

    [Test]
    public void Take_WithoutTypeInference_StopsReadingAfterTheRowsItNeeds()
    {
        // Row 6 is ragged: a full read fails there, a Take(2) preview never gets that far.
        string file = Folder.Write("big.csv", "a,b\n1,x\n2,y\n3,z\n4,w\n5,v\n6\n");
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(file, inferColumnTypes: false);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Take(2).ToDataFrame().RowCount, Is.EqualTo(2));
            Assert.That(dataset.Skip(1).Take(3).ToDataFrame().GetRow(0)[0], Is.EqualTo("2"));
            Assert.That(dataset.Take(0).ToDataFrame().ColumnNames, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(() => dataset.ToDataFrame(), Throws.TypeOf<UserErrorException>().With.Message.Contains("line 7"));
        });
    }

    [Test]
    public void Take_WithTypeInference_TypesColumnsAsTheWholeFileDoes()
    {
        string file = Folder.Write("late-text.csv", "id\n1\n2\n3\n4\nabc\n");
        TabularDataset dataset = Dataset.Tabular.FromDelimitedFiles(file);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Take(2).ToDataFrame()["id"].DataType, Is.EqualTo(DataFrameColumnType.String));
            Assert.That(dataset.Take(0).ToDataFrame().RowCount, Is.EqualTo(0));
        });
    }
}
