using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

[TestFixture]
public class DataFrameTests
{
    private static DataFrame Numbers(int rows) => new(
    [
        DataFrameColumn.OfInt64("id", Enumerable.Range(0, rows).Select(i => (long?)i)),
        DataFrameColumn.OfDouble("half", Enumerable.Range(0, rows).Select(i => i % 7 == 0 ? null : (double?)(i / 2.0))),
        DataFrameColumn.OfString("name", Enumerable.Range(0, rows).Select(i => $"n{i}")),
    ]);

    [TestCase(5, 3, new long[] { 0, 1, 2 })]
    [TestCase(2, 5, new long[] { 0, 1 })]
    [TestCase(3, 0, new long[0])]
    public void Take_Count_KeepsFirstRows(int rows, int count, long[] expected)
    {
        DataFrame taken = Numbers(rows).Take(count);

        Assert.That(Ids(taken), Is.EqualTo(expected));
    }

    [TestCase(5, 3, new long[] { 3, 4 })]
    [TestCase(2, 5, new long[0])]
    public void Skip_Count_KeepsRemainingRows(int rows, int count, long[] expected)
    {
        Assert.That(Ids(Numbers(rows).Skip(count)), Is.EqualTo(expected));
    }

    [Test]
    public void Head_Default_GivesFiveRowsWithNullsKept()
    {
        DataFrame head = Numbers(20).Head();

        Assert.Multiple(() =>
        {
            Assert.That(head.RowCount, Is.EqualTo(5));
            Assert.That(head["half"].IsNull(0), Is.True);
            Assert.That(head["half"].GetDouble(0), Is.NaN);
            Assert.That(head["half"].GetDouble(3), Is.EqualTo(1.5));
            Assert.That(head["half"].NullCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void KeepColumns_Names_KeepsTableOrder()
    {
        Assert.That(Numbers(3).KeepColumns("name", "id").ColumnNames, Is.EqualTo(new[] { "id", "name" }));
    }

    [Test]
    public void DropColumns_Names_RemovesThem()
    {
        Assert.That(Numbers(3).DropColumns("half").ColumnNames, Is.EqualTo(new[] { "id", "name" }));
    }

    [TestCase("missing")]
    [TestCase("ID")]
    public void DropColumns_UnknownName_ListsColumns(string name)
    {
        var error = Assert.Throws<UserErrorException>(() => Numbers(3).DropColumns(name));

        Assert.That(error!.Message, Does.Contain($"'{name}'").And.Contain("'id', 'half', 'name'"));
    }

    [Test]
    public void Indexer_UnknownName_ListsColumns()
    {
        var error = Assert.Throws<UserErrorException>(() => _ = Numbers(3)["nope"]);

        Assert.That(error!.Message, Does.Contain("'id', 'half', 'name'"));
    }

    [TestCase(0.8, 42)]
    [TestCase(0.5, 7)]
    [TestCase(0.0, 1)]
    [TestCase(1.0, 1)]
    public void RandomSplit_Seed_PartitionsRowsDeterministically(double percentage, int seed)
    {
        DataFrame frame = Numbers(1000);

        (DataFrame first, DataFrame second) = frame.RandomSplit(percentage, seed);
        (DataFrame firstAgain, _) = frame.RandomSplit(percentage, seed);

        Assert.Multiple(() =>
        {
            Assert.That(first.RowCount + second.RowCount, Is.EqualTo(1000));
            Assert.That(Ids(first).Concat(Ids(second)), Is.EquivalentTo(Enumerable.Range(0, 1000).Select(i => (long)i)));
            Assert.That(Ids(first), Is.Ordered);
            Assert.That(Ids(firstAgain), Is.EqualTo(Ids(first)));
            Assert.That(first.RowCount, Is.EqualTo(1000 * percentage).Within(60));
            Assert.That(Enumerable.Range(0, second.RowCount).Select(second["name"].GetString), Is.EqualTo(Ids(second).Select(id => $"n{id}")));
        });
    }

    [Test]
    public void RandomSplit_DifferentSeeds_DifferentSplits()
    {
        DataFrame frame = Numbers(1000);

        Assert.That(Ids(frame.RandomSplit(0.5, 1).First), Is.Not.EqualTo(Ids(frame.RandomSplit(0.5, 2).First)));
    }

    [Test]
    public void GetRow_Row_GivesBoxedValues()
    {
        Assert.That(Numbers(3).GetRow(1), Is.EqualTo(new object?[] { 1L, 0.5, "n1" }));
    }

    [Test]
    public void GetInt64_FloatColumn_ThrowsNamingTypes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Numbers(3)["half"].GetInt64(1));

        Assert.That(error!.Message, Does.Contain("'half'").And.Contain("Float"));
    }

    [Test]
    public void Constructor_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new DataFrame([DataFrameColumn.OfInt64("a", [1]), DataFrameColumn.OfInt64("b", [1, 2])]));
    }

    [Test]
    public void Constructor_DuplicateNames_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new DataFrame([DataFrameColumn.OfInt64("a", [1]), DataFrameColumn.OfInt64("a", [2])]));
    }

    private static long[] Ids(DataFrame frame) => Enumerable.Range(0, frame.RowCount).Select(frame["id"].GetInt64).ToArray();
}
