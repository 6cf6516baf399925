using System.Text;
using AzureML.Core.Data;
using AzureML.Core.Data.Delimited;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Data;

[TestFixture]
public class DelimitedFileReaderTests
{
    private TestFolder folder = null!;

    [SetUp]
    public void SetUp() => folder = new TestFolder();

    [TearDown]
    public void TearDown() => folder.Dispose();

    [TestCase("age", DataFrameColumnType.Float)]
    [TestCase("anaemia", DataFrameColumnType.Integer)]
    [TestCase("creatinine_phosphokinase", DataFrameColumnType.Integer)]
    [TestCase("platelets", DataFrameColumnType.Float)]
    [TestCase("serum_creatinine", DataFrameColumnType.Float)]
    [TestCase("DEATH_EVENT", DataFrameColumnType.Integer)]
    public void Read_HeartFailure_InfersColumnTypes(string column, DataFrameColumnType expected)
    {
        DataFrame frame = DelimitedFileReader.Read([TestDataFiles.HeartFailure], new DelimitedReadOptions());

        Assert.That(frame[column].DataType, Is.EqualTo(expected));
    }

    [Test]
    public void Read_HeartFailure_HasShapeAndValues()
    {
        DataFrame frame = DelimitedFileReader.Read([TestDataFiles.HeartFailure], new DelimitedReadOptions());

        Assert.Multiple(() =>
        {
            Assert.That(frame.RowCount, Is.EqualTo(299));
            Assert.That(frame.ColumnCount, Is.EqualTo(13));
            Assert.That(frame.ColumnNames[0], Is.EqualTo("age"));
            Assert.That(frame["age"].GetDouble(0), Is.EqualTo(75d));
            Assert.That(frame["platelets"].GetDouble(1), Is.EqualTo(263358.03));
            Assert.That(frame["anaemia"].GetInt64(0), Is.Zero);
            Assert.That(frame["anaemia"].NullCount, Is.Zero);
        });
    }

    [Test]
    public void Read_Iris_TargetIsTextAndSharesInstances()
    {
        DataFrame frame = DelimitedFileReader.Read([TestDataFiles.Iris], new DelimitedReadOptions());

        DataFrameColumn target = frame["target"];
        Assert.Multiple(() =>
        {
            Assert.That(target.DataType, Is.EqualTo(DataFrameColumnType.String));
            Assert.That(target.GetString(0), Is.EqualTo("setosa"));
            Assert.That(ReferenceEquals(target.GetString(0), target.GetString(1)), Is.True);
        });
    }

    [TestCase("a,b\n1,\"x,y\"\n", "x,y")]
    [TestCase("a,b\n1,\"say \"\"hi\"\"\"\n", "say \"hi\"")]
    [TestCase("a,b\n1,\"two\nlines\"\n", "two\nlines")]
    [TestCase("a,b\r\n1,\"two\r\nlines\"\r\n", "two\r\nlines")]
    [TestCase("a,b\r\n1,plain\r\n", "plain")]
    [TestCase("a,b\r1,old mac\r", "old mac")]
    [TestCase("a,b\n1,no final newline", "no final newline")]
    [TestCase("\uFEFFa,b\n1,bom", "bom")]
    [TestCase("a,b\n\n1,after blank\n\n", "after blank")]
    [TestCase("a,b\n1,\"\"\"\"\n", "\"")]
    [TestCase("a,b\n1,\"quoted\" tail\n", "quoted tail")]
    [TestCase("a,b\n1,mid\"quote\n", "mid\"quote")]
    public void Read_QuotingAndLineEnds_GivesFieldText(string csv, string expected)
    {
        DataFrame frame = Read(csv);

        Assert.Multiple(() =>
        {
            Assert.That(frame.ColumnNames, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(frame.RowCount, Is.EqualTo(1));
            Assert.That(frame["b"].GetString(0), Is.EqualTo(expected));
            Assert.That(frame["a"].GetInt64(0), Is.EqualTo(1));
        });
    }

    [Test]
    public void Read_FieldLongerThanBuffer_IsKeptWhole()
    {
        string big = new('x', 200_000);

        DataFrame frame = Read($"a,b\n1,\"{big}\"\n2,{big}\n");

        Assert.That(frame["b"].GetString(0), Is.EqualTo(big));
        Assert.That(frame["b"].GetString(1), Is.EqualTo(big));
    }

    [Test]
    public void Read_RaggedRow_NamesFileLineAndCounts()
    {
        string path = folder.Write("ragged.csv", "a,b,c\n1,2,3\n\"x\ny\",5,6\n4,5\n");

        var error = Assert.Throws<UserErrorException>(() => DelimitedFileReader.Read([path], new DelimitedReadOptions()));

        Assert.That(error!.Message, Does.Contain("ragged.csv, line 5").And.Contain("expected 3 fields but got 2"));
    }

    [Test]
    public void Read_UnterminatedQuote_NamesLineWhereQuoteOpens()
    {
        string path = folder.Write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");

        var error = Assert.Throws<UserErrorException>(() => DelimitedFileReader.Read([path], new DelimitedReadOptions()));

        Assert.That(error!.Message, Does.Contain("open.csv, line 3").And.Contain("closing quote is missing"));
    }

    [TestCase("ascii", "a,b\n1,x\n2,caf\u00e9\n", 3)]
    [TestCase("utf8", null, 4)]
    public void Read_BytesInvalidForEncoding_NamesLine(string encoding, string? utf8Text, int expectedLine)
    {
        string path = folder.Combine("bad.csv");
        byte[] bytes = utf8Text is null
            ? [.. "a,b\n1,x\n2,y\n"u8, .. Encoding.Latin1.GetBytes("3,caf\u00e9\n")]
            : Encoding.UTF8.GetBytes(utf8Text);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<UserErrorException>(() => DelimitedFileReader.Read([path], new DelimitedReadOptions { Encoding = encoding }));

        Assert.That(error!.Message, Does.Contain($"bad.csv, line {expectedLine}").And.Contain($"cannot be decoded as {encoding}"));
    }

    [TestCase("latin1")]
    [TestCase("iso88591")]
    [TestCase("windows1252")]
    [TestCase("utf16")]
    [TestCase("utf8")]
    public void Read_Encoding_DecodesText(string encoding)
    {
        Encoding writer = encoding switch
        {
            "utf16" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "windows1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252)!,
            _ => Encoding.Latin1,
        };
        string path = folder.Combine("text.csv");
        File.WriteAllText(path, "name,n\ncaf\u00e9,1\n", writer);

        DataFrame frame = DelimitedFileReader.Read([path], new DelimitedReadOptions { Encoding = encoding });

        Assert.That(frame["name"].GetString(0), Is.EqualTo("caf\u00e9"));
    }

    [Test]
    public void Read_UnknownEncoding_ListsSupported()
    {
        var error = Assert.Throws<UserErrorException>(() => Read("a\n1\n", new DelimitedReadOptions { Encoding = "ebcdic" }));

        Assert.That(error!.Message, Does.Contain("ebcdic").And.Contain("utf8").And.Contain("windows1252"));
    }

    [Test]
    public void Read_OnErrorNull_PadsAndTruncatesRaggedRows()
    {
        DataFrame frame = Read("a,b,c\n1,2\n3,4,5,6\n", new DelimitedReadOptions { OnError = "null" });

        Assert.Multiple(() =>
        {
            Assert.That(frame.RowCount, Is.EqualTo(2));
            Assert.That(frame["c"].IsNull(0), Is.True);
            Assert.That(frame["c"].GetInt64(1), Is.EqualTo(5));
        });
    }

    [Test]
    public void Read_SetTypeRejectsValue_FailsWithLineAndColumn()
    {
        var types = new Dictionary<string, DataFrameColumnType> { ["n"] = DataFrameColumnType.Integer };
        string path = folder.Write("typed.csv", "n\n1\nabc\n");

        var error = Assert.Throws<UserErrorException>(() => DelimitedFileReader.Read([path], new DelimitedReadOptions { SetColumnTypes = types }));

        Assert.That(error!.Message, Does.Contain("typed.csv, line 3").And.Contain("'abc'").And.Contain("'n'").And.Contain("Integer"));
    }

    [Test]
    public void Read_SetTypeRejectsValueWithOnErrorNull_GivesNull()
    {
        var types = new Dictionary<string, DataFrameColumnType> { ["n"] = DataFrameColumnType.Integer };

        DataFrame frame = Read("n\n1\nabc\n3\n", new DelimitedReadOptions { SetColumnTypes = types, OnError = "null" });

        Assert.That(Enumerable.Range(0, 3).Select(i => frame["n"][i]), Is.EqualTo(new object?[] { 1L, null, 3L }));
    }

    [TestCase(DataFrameColumnType.Boolean, true)]
    [TestCase(DataFrameColumnType.Float, 1d)]
    [TestCase(DataFrameColumnType.String, "1")]
    public void Read_SetColumnTypes_OverridesInference(DataFrameColumnType type, object expected)
    {
        var types = new Dictionary<string, DataFrameColumnType> { ["flag"] = type };

        DataFrame frame = Read("flag,other\n1,x\n0,y\n", new DelimitedReadOptions { SetColumnTypes = types });

        Assert.That(frame["flag"].DataType, Is.EqualTo(type));
        Assert.That(frame["flag"][0], Is.EqualTo(expected));
    }

    [Test]
    public void Read_SetColumnTypesUnknownColumn_ListsColumns()
    {
        var types = new Dictionary<string, DataFrameColumnType> { ["nope"] = DataFrameColumnType.Integer };

        var error = Assert.Throws<UserErrorException>(() => Read("a,b\n1,2\n", new DelimitedReadOptions { SetColumnTypes = types }));

        Assert.That(error!.Message, Does.Contain("'nope'").And.Contain("'a', 'b'"));
    }

    [TestCase("0\n1\n1\n0", DataFrameColumnType.Integer)]
    [TestCase("true\nFalse\n\nTRUE", DataFrameColumnType.Boolean)]
    [TestCase("1\n2\n3.5", DataFrameColumnType.Float)]
    [TestCase("1\n2e3\n", DataFrameColumnType.Float)]
    [TestCase("\n\n12", DataFrameColumnType.Integer)]
    [TestCase("2024-01-31\n2024-02-01 13:45:00", DataFrameColumnType.DateTime)]
    [TestCase("2024-01-31T08:00:00Z", DataFrameColumnType.DateTime)]
    [TestCase("1\nabc", DataFrameColumnType.String)]
    [TestCase("\n\n", DataFrameColumnType.String)]
    [TestCase("12345678901234567890", DataFrameColumnType.String)] // too large for long: kept exactly as text, as pandas keeps it
    public void Read_ColumnValues_InfersType(string values, DataFrameColumnType expected)
    {
        DataFrame frame = Read("v,k\n" + string.Join("\n", values.Split('\n').Select(v => v + ",k")) + "\n");

        Assert.That(frame["v"].DataType, Is.EqualTo(expected));
    }

    [Test]
    public void Read_LateDecimal_WidensIntegersWithNulls()
    {
        DataFrame frame = Read("v,k\n1,a\n,b\n3,c\n4.5,d\n");

        DataFrameColumn v = frame["v"];
        Assert.That(Enumerable.Range(0, 4).Select(i => v[i]), Is.EqualTo(new object?[] { 1d, null, 3d, 4.5 }));
    }

    [Test]
    public void Read_LateTextAfterManyNumbers_KeepsOriginalSpelling()
    {
        var csv = new StringBuilder("code,n\n");
        for (int i = 0; i < 100_000; i++) csv.Append("007,").Append(i).Append('\n');
        csv.Append("A12,1\n");

        DataFrame frame = Read(csv.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(frame["code"].DataType, Is.EqualTo(DataFrameColumnType.String));
            Assert.That(frame["code"].GetString(0), Is.EqualTo("007"));
            Assert.That(frame["code"].GetString(100_000), Is.EqualTo("A12"));
            Assert.That(frame["n"].DataType, Is.EqualTo(DataFrameColumnType.Integer));
            Assert.That(frame.RowCount, Is.EqualTo(100_001));
        });
    }

    [TestCase(false, null)]
    [TestCase(true, "")]
    public void Read_EmptyTextField_FollowsEmptyAsString(bool emptyAsString, string? expected)
    {
        DataFrame frame = Read("s,n\n,1\nx,\n", new DelimitedReadOptions { EmptyAsString = emptyAsString });

        Assert.That(frame["s"].GetString(0), Is.EqualTo(expected));
        Assert.That(frame["n"].IsNull(1), Is.True);
    }

    [Test]
    public void Read_NoInference_GivesText()
    {
        DataFrame frame = Read("a,b\n1,true\n", new DelimitedReadOptions { InferColumnTypes = false });

        Assert.That(frame.Columns.Select(c => c.DataType), Is.All.EqualTo(DataFrameColumnType.String));
    }

    [Test]
    public void Read_NoHeader_NamesColumns()
    {
        DataFrame frame = Read("1;x\n2;y\n", new DelimitedReadOptions { Header = false, Separator = ';' });

        Assert.That(frame.ColumnNames, Is.EqualTo(new[] { "Column1", "Column2" }));
        Assert.That(frame.RowCount, Is.EqualTo(2));
    }

    [Test]
    public void Read_DuplicateAndBlankHeaderNames_AreMadeUnique()
    {
        DataFrame frame = Read("a,a,\n1,2,3\n");

        Assert.That(frame.ColumnNames, Is.EqualTo(new[] { "a", "a.1", "Column3" }));
    }

    [Test]
    public void Read_ManyFilesWithPath_AddsPathColumn()
    {
        string first = folder.Write("one.csv", "a,b\n1,x\n2,y\n");
        string second = folder.Write("two.csv", "a,b\n3,z\n");

        DataFrame frame = DelimitedFileReader.Read([first, second], new DelimitedReadOptions { IncludePath = true });

        Assert.Multiple(() =>
        {
            Assert.That(frame.ColumnNames, Is.EqualTo(new[] { "Path", "a", "b" }));
            Assert.That(Enumerable.Range(0, 3).Select(i => frame["Path"].GetString(i)), Is.EqualTo(new[] { first, first, second }));
            Assert.That(frame["a"].GetInt64(2), Is.EqualTo(3));
        });
    }

    [Test]
    public void Read_FilesWithDifferentHeaders_NamesFile()
    {
        string first = folder.Write("one.csv", "a,b\n1,2\n");
        string second = folder.Write("two.csv", "a,c\n3,4\n");

        var error = Assert.Throws<UserErrorException>(() => DelimitedFileReader.Read([first, second], new DelimitedReadOptions()));

        Assert.That(error!.Message, Does.Contain("two.csv").And.Contain("same columns"));
    }

    [Test]
    public void Read_EmptyFile_Fails()
    {
        var error = Assert.Throws<UserErrorException>(() => Read(string.Empty));

        Assert.That(error!.Message, Does.Contain("empty"));
    }

    [TestCase("maybe")]
    public void Read_InvalidOnError_Fails(string onError)
    {
        Assert.Throws<UserErrorException>(() => Read("a\n1\n", new DelimitedReadOptions { OnError = onError }));
    }

    [Test]
    public void ToCsv_ThenRead_RoundTrips()
    {
        DataFrame original = Read("n,x,s,b,d\n1,1.5,\"a,\"\"b\"\"\nc\",true,2024-01-02\n,,,,\n");
        string path = folder.Combine("out.csv");

        original.ToCsv(path);
        DataFrame again = DelimitedFileReader.Read([path], new DelimitedReadOptions());

        Assert.Multiple(() =>
        {
            Assert.That(again.Columns.Select(c => c.DataType), Is.EqualTo(original.Columns.Select(c => c.DataType)));
            Assert.That(again.GetRow(0), Is.EqualTo(original.GetRow(0)));
            Assert.That(again.GetRow(1), Is.EqualTo(original.GetRow(1)));
            Assert.That(File.ReadAllText(path), Does.StartWith("n,x,s,b,d\r\n1,1.5,\"a,\"\"b\"\"\nc\",True,2024-01-02\r\n"));
        });
    }

    private DataFrame Read(string csv, DelimitedReadOptions? options = null)
        => DelimitedFileReader.Read([folder.Write("data.csv", csv)], options ?? new DelimitedReadOptions());
}
