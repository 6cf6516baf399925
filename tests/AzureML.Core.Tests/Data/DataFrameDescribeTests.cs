using System.Globalization;
using AzureML.Core.Data;
using AzureML.Core.Data.Delimited;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

[TestFixture]
public class DataFrameDescribeTests
{
    private static readonly string[] Statistics = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];

    [TestCase("age")]
    [TestCase("anaemia")]
    [TestCase("creatinine_phosphokinase")]
    [TestCase("platelets")]
    [TestCase("serum_creatinine")]
    [TestCase("time")]
    public void Describe_HeartFailure_MatchesIndependentStatistics(string column)
    {
        double[] expected = ExpectedStatistics(RawColumn(column));

        DataFrame summary = DelimitedFileReader.Read([TestDataFiles.HeartFailure], new DelimitedReadOptions()).Describe();

        double[] actual = Enumerable.Range(0, Statistics.Length).Select(row => summary[column].GetDouble(row)).ToArray();
        Assert.That(actual, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Describe_HeartFailure_HasStatisticIndexAndAllNumericColumns()
    {
        DataFrame summary = DelimitedFileReader.Read([TestDataFiles.HeartFailure], new DelimitedReadOptions()).Describe();

        Assert.Multiple(() =>
        {
            Assert.That(summary.IndexColumnName, Is.EqualTo("statistic"));
            Assert.That(Enumerable.Range(0, summary.RowCount).Select(r => summary["statistic"].GetString(r)), Is.EqualTo(Statistics));
            Assert.That(summary.ColumnCount, Is.EqualTo(14));
        });
    }

    [Test]
    public void Describe_SkipsBooleansTextAndNulls()
    {
        var frame = new DataFrame(
        [
            DataFrameColumn.OfDouble("x", [1, null, 3, double.NaN]),
            DataFrameColumn.OfBoolean("flag", [true, false, true, null]),
            DataFrameColumn.OfString("name", ["a", "b", "c", "d"]),
        ]);

        DataFrame summary = frame.Describe();

        Assert.That(summary.ColumnNames, Is.EqualTo(new[] { "statistic", "x" }));
        Assert.That(summary["x"].GetDouble(0), Is.EqualTo(2));
        Assert.That(summary["x"].GetDouble(1), Is.EqualTo(2));
    }

    [Test]
    public void Describe_NoNumericColumn_Fails()
    {
        var frame = new DataFrame([DataFrameColumn.OfString("name", ["a"])]);

        Assert.Throws<UserErrorException>(() => frame.Describe());
    }

    [Test]
    public void ToString_Describe_PrintsStatisticNamesAsRowLabels()
    {
        var frame = new DataFrame([DataFrameColumn.OfInt64("n", [1, 2, 3, 4])]);

        string[] lines = frame.Describe().ToString().Split('\n');

        Assert.That(lines, Is.EqualTo(new[]
        {
            "              n",
            "count  4.000000",
            "mean   2.500000",
            "std    1.290994",
            "min    1.000000",
            "25%    1.750000",
            "50%    2.500000",
            "75%    3.250000",
            "max    4.000000",
        }));
    }

    private static double[] RawColumn(string column)
    {
        string[] lines = File.ReadAllLines(TestDataFiles.HeartFailure);
        int index = Array.IndexOf(lines[0].Split(','), column);
        return lines.Skip(1).Select(line => double.Parse(line.Split(',')[index], CultureInfo.InvariantCulture)).ToArray();
    }

    private static double[] ExpectedStatistics(double[] values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return [values.Length, mean, std, sorted[0], Percentile(sorted, 25), Percentile(sorted, 50), Percentile(sorted, 75), sorted[^1]];
    }

    private static double Percentile(double[] sorted, int percent)
    {
        double rank = percent / 100d * (sorted.Length - 1);
        int below = (int)rank;
        return below + 1 >= sorted.Length ? sorted[below] : sorted[below] * (1 - (rank - below)) + sorted[below + 1] * (rank - below);
    }
}
