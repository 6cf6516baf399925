using AzureML.Core.Data;
using AzureML.Core.Data.Delimited;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

[TestFixture]
public class DataFrameRenderingTests
{
    [Test]
    public void ToString_SmallTable_AlignsColumnsLikePandas()
    {
        var frame = new DataFrame(
        [
            DataFrameColumn.OfDouble("age", [75, 60.667, null]),
            DataFrameColumn.OfInt64("n", [1, 22, 333]),
            DataFrameColumn.OfString("label", ["a", null, "long text"]),
            DataFrameColumn.OfBoolean("ok", [true, false, null]),
            DataFrameColumn.OfDateTime("day", [new DateTime(2024, 1, 2), null, new DateTime(2024, 3, 4)]),
        ]);

        string text = frame.ToString();

        Assert.That(text.Split('\n'), Is.EqualTo(new[]
        {
            "      age    n      label     ok         day",
            "0  75.000    1          a   True  2024-01-02",
            "1  60.667   22        NaN  False         NaT",
            "2     NaN  333  long text   <NA>  2024-03-04",
        }));
    }

    [Test]
    public void ToString_LongTable_ShowsEdgesAndShapeFooter()
    {
        DataFrame frame = DelimitedFileReader.Read([TestDataFiles.HeartFailure], new DelimitedReadOptions());

        string[] lines = frame.ToString().Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(1 + 5 + 1 + 5 + 2));
            Assert.That(lines[0], Does.StartWith("      age  anaemia"));
            Assert.That(lines[1], Does.StartWith("0    75.0        0"));
            Assert.That(lines[6], Does.StartWith("..    ...      ..."));
            Assert.That(lines[11], Does.StartWith("298  50.0        0"));
            Assert.That(lines[^1], Is.EqualTo("[299 rows x 13 columns]"));
            Assert.That(lines.Take(12).Select(l => l.Length).Distinct().Count(), Is.EqualTo(1), "rows align");
        });
    }

    [Test]
    public void ToString_WideTable_ShowsEdgeColumns()
    {
        var frame = new DataFrame(Enumerable.Range(0, 30).Select(i => DataFrameColumn.OfInt64($"c{i}", [i])));

        string header = frame.ToString().Split('\n')[0];

        Assert.That(header, Does.Contain("c9  ...  c20").And.Not.Contain("c10 "));
        Assert.That(frame.ToString(), Does.EndWith("[1 rows x 30 columns]"));
    }

    [Test]
    public void ToString_LongText_IsShortened()
    {
        var frame = new DataFrame([DataFrameColumn.OfString("t", [new string('x', 80) + "\nmore"])]);

        Assert.That(frame.ToString().Split('\n')[1], Does.EndWith(new string('x', 47) + "..."));
    }

    [Test]
    public void ToHtml_Content_IsEscaped()
    {
        var frame = new DataFrame([DataFrameColumn.OfString("<b>&name", ["<script>alert('x')</script>"])]);

        string html = frame.ToHtml();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<table border=\"1\" class=\"dataframe\">"));
            Assert.That(html, Does.Contain("<th>&lt;b&gt;&amp;name</th>"));
            Assert.That(html, Does.Contain("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));
            Assert.That(html, Does.Not.Contain("<script>"));
        });
    }

    [Test]
    public void ToHtml_LongTable_HasGapRowAndShape()
    {
        DataFrame frame = new([DataFrameColumn.OfInt64("n", Enumerable.Range(0, 100).Select(i => (long?)i))]);

        string html = frame.ToHtml();

        Assert.That(html, Does.Contain("<th>...</th>").And.Contain("<th>99</th>").And.EndWith("<p>100 rows x 1 columns</p>"));
        Assert.That(html, Does.Not.Contain("<th>50</th>"));
    }

    [Test]
    public void ToHtml_RowRange_ShowsExactlyThoseRowsLabelledByPosition()
    {
        DataFrame frame = new([DataFrameColumn.OfInt64("n", Enumerable.Range(0, 100).Select(i => (long?)i * 10))]);

        string html = frame.ToHtml(startRow: 40, rowCount: 3);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<th>40</th>\n      <td>400</td>").And.Contain("<th>42</th>\n      <td>420</td>"));
            Assert.That(html, Does.Not.Contain("<th>39</th>").And.Not.Contain("<th>43</th>").And.Not.Contain("..."));
            Assert.That(() => frame.ToHtml(98, 3), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("From row 98 the table has 2 rows"));
            Assert.That(() => frame.ToHtml(-1, 1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("use a start from 0 to 100"));
        });
    }
}
