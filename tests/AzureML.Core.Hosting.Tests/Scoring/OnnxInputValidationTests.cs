using System.Text;
using System.Text.Json;
using AzureML.Core.Hosting.Scoring;
using AzureML.Core.Onnx;
using AzureML.TestUtilities;
using Onnx;
using NUnit.Framework;
using static AzureML.TestUtilities.OnnxProto;
using DataType = Onnx.TensorProto.Types.DataType;

namespace AzureML.Core.Hosting.Tests.Scoring;

/// <summary>Values a model's inputs cannot hold are refused with 400 naming row and column, never scored as garbage.</summary>
[TestFixture]
public class OnnxInputValidationTests
{
    // One input per column, each of its own element type, echoed back by Identity nodes.
    private static readonly ModelProto s_typed = Model(
        Graph(
            [Tensor("f", DataType.Float, Dim("N"), Dim(1)), Tensor("d", DataType.Double, Dim("N"), Dim(1)),
                Tensor("l", DataType.Int64, Dim("N"), Dim(1)), Tensor("i", DataType.Int32, Dim("N"), Dim(1))],
            [Tensor("f_out", DataType.Float, Dim("N"), Dim(1)), Tensor("d_out", DataType.Double, Dim("N"), Dim(1)),
                Tensor("l_out", DataType.Int64, Dim("N"), Dim(1)), Tensor("i_out", DataType.Int32, Dim("N"), Dim(1))],
            [Node("Identity", ["f"], ["f_out"]), Node("Identity", ["d"], ["d_out"]), Node("Identity", ["l"], ["l_out"]), Node("Identity", ["i"], ["i_out"])]));

    private static OnnxScorer Scorer(ModelProto model) => new(OnnxModel.Load(model.ToBytes()), "typed", authEnabled: false);

    private static (int Status, string Body) Score(OnnxScorer scorer, byte[] body)
    {
        ScoringResponse response = scorer.Score(body);
        return (response.StatusCode, Encoding.UTF8.GetString(response.Body));
    }

    private static (int Status, string Body) Score(OnnxScorer scorer, string body) => Score(scorer, Encoding.UTF8.GetBytes(body));

    [TestCase("[[1e308, 1, 1, 1]]", "Row 0, column 'f': 1e308 is out of range for the model's float input (largest magnitude 3.4028235E+38)")]
    [TestCase("[[1, 1e999999, 1, 1]]", "Row 0, column 'd': 1e999999 is out of range for the model's double input")]
    [TestCase("[[\"-1e999999\", 1, 1, 1]]", "Row 0, column 'f': \"-1e999999\" is out of range")]
    [TestCase("[[1, \"Infinity\", 1, 1]]", "Row 0, column 'd': \"Infinity\" is not a finite number")]
    [TestCase("[[\"NaN\", 1, 1, 1]]", "Row 0, column 'f': \"NaN\" is a missing value, which this model does not take (its metadata has no allow_nan=true)")]
    [TestCase("[[1, 1, 1, 1], [null, 1, 1, 1]]", "Row 1, column 'f': null is a missing value")]
    [TestCase("[[1, 1, 9223372036854775808, 1]]", "Row 0, column 'l': 9223372036854775808 is out of range for the model's int64 input")]
    [TestCase("[[1, 1, 1, 3000000000]]", "Row 0, column 'i': 3000000000 is out of range for the model's int32 input (largest magnitude 2147483647)")]
    [TestCase("[[1, 1, 1.5, 1]]", "Row 0, column 'l': 1.5 is not a whole number")]
    [TestCase("[[1, 1, \"NaN\", 1]]", "Row 0, column 'l': \"NaN\" is not a whole number")]
    [TestCase("[[\"\\ud800\", 1, 1, 1]]", "Row 0, column 'f': the string is not valid Unicode text: it holds half of a surrogate pair")]
    [TestCase("[{\"f\": 1, \"d\": 1, \"l\": 1, \"\\udc00\": 1}]", "has a column name that is not valid Unicode text")]
    public void Score_ValueTheInputCannotHold_400NamingRowAndColumn(string rows, string expected)
    {
        using OnnxScorer scorer = Scorer(s_typed);

        (int status, string body) = Score(scorer, "{\"data\": " + rows + "}");

        Assert.That(status, Is.EqualTo(400), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), Does.Contain(expected));
    }

    // One input of one element type, echoed back as the result.
    private static ModelProto Echo(DataType type) => Model(
        Graph([Tensor("x", type, Dim("N"), Dim(1))], [Tensor("x_out", type, Dim("N"), Dim(1))], [Node("Identity", ["x"], ["x_out"])]));

    [TestCase(DataType.Float, "[[3.4028234e38], [\"1e-50\"], [true]]", "[3.4028234663852886E+38,0,1]")]
    [TestCase(DataType.Double, "[[1e308], [\"2.5\"]]", "[1E+308,2.5]")]
    [TestCase(DataType.Int64, "[[9223372036854775807], [\"-7\"], [2.0]]", "[9223372036854775807,-7,2]")]
    [TestCase(DataType.Int32, "[[-2147483648], [\"true\"]]", "[-2147483648,1]")]
    public void Score_ValuesAtTheEdgesOfTheirTypes_AreTakenExactly(DataType type, string rows, string expected)
    {
        using OnnxScorer scorer = Scorer(Echo(type));

        (int status, string body) = Score(scorer, "{\"data\": " + rows + "}");

        Assert.That(status, Is.EqualTo(200), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("result").GetRawText(), Is.EqualTo(expected));
    }

    [Test]
    public void Score_ModelDeclaresItTakesMissingValues_NullAndNaNBecomeNaN()
    {
        ModelProto iris = ServiceTestModels.IrisClassifier();
        iris.MetadataProps.Add(new StringStringEntryProto { Key = OnnxInputBinder.AllowNanKey, Value = "true" });
        using OnnxScorer scorer = Scorer(iris);

        (int status, string body) = Score(scorer, "{\"data\": [[null, 3.5, 1.4, 0.2], [\"NaN\", 3.5, 1.4, 0.2]]}");
        (int infinite, string refused) = Score(scorer, "{\"data\": [[\"-Infinity\", 3.5, 1.4, 0.2]]}");

        Assert.That(status, Is.EqualTo(200), body);
        Assert.That(infinite, Is.EqualTo(400), "infinities are never taken");
        Assert.That(refused, Does.Contain("not a finite number"));
    }

    [Test]
    public void Score_BodyNotUtf8_400NamingTheByteAndItsOffset()
    {
        using OnnxScorer scorer = Scorer(ServiceTestModels.IrisClassifier());
        byte[] body = [.. "{\"data\": [[\""u8, 0xC3, 0x28, .. "\", 3.5, 1.4, 0.2]]}"u8];

        (int status, string error) = Score(scorer, body);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(error, Does.Contain("the body is not UTF-8 text (the byte 0xC3 at offset 12"));
    }
}
