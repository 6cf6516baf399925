using System.Text;
using System.Text.Json;
using AzureML.Core.Hosting.Scoring;
using AzureML.Core.Onnx;
using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Hosting.Tests.Scoring;

/// <summary>The in-process scorer behind POST /score and GET /swagger.json, over the iris classifier.</summary>
[TestFixture]
public class OnnxScorerTests
{
    private static OnnxScorer Iris(bool withFeatureNames = true, bool authEnabled = false) =>
        new(OnnxModel.Load(OnnxProto.ToBytes(ServiceTestModels.IrisClassifier(withFeatureNames))), "iris-service", authEnabled);

    private static (int Status, JsonElement Body) Score(OnnxScorer scorer, string body)
    {
        ScoringResponse response = scorer.Score(Encoding.UTF8.GetBytes(body));
        return (response.StatusCode, JsonDocument.Parse(response.Body).RootElement.Clone());
    }

    [Test]
    public void Score_PositionalRows_ReturnsLabelsAndSoftmaxProbabilities()
    {
        using OnnxScorer scorer = Iris();
        double[] setosa = [5.1, 3.5, 1.4, 0.2];

        (int status, JsonElement body) = Score(scorer, "{\"data\": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}");

        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("result").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "setosa", "virginica" }));
        JsonElement first = body.GetProperty("probabilities")[0];
        double[] expected = ServiceTestModels.ExpectedProbabilities(setosa);
        for (int c = 0; c < 3; c++)
            Assert.That(first.GetProperty(ServiceTestModels.IrisClasses[c]).GetDouble(), Is.EqualTo(expected[c]).Within(1e-5));
    }

    [Test]
    public void Score_NamedRowsWithStringValues_AreBoundByFeatureNameAndCoerced()
    {
        using OnnxScorer scorer = Iris();

        (int status, JsonElement body) = Score(scorer,
            "{\"data\": [{\"petal_width\": \"0.2\", \"sepal_length\": 5.1, \"petal_length\": 1.4, \"sepal_width\": \"3.5\"}]}");

        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("result")[0].GetString(), Is.EqualTo("setosa"));
    }

    [TestCase("{\"data\": [[5.1, 3.5", "Invalid JSON")]
    [TestCase("{\"rows\": [[5.1, 3.5, 1.4, 0.2]]}", "'data' member")]
    [TestCase("{\"data\": []}", "no rows")]
    [TestCase("{\"data\": [[5.1, 3.5, 1.4]]}", "4 values (sepal_length, sepal_width, petal_length, petal_width); row 0 has 3")]
    [TestCase("{\"data\": [[5.1, 3.5, 1.4, \"wide\"]]}", "Row 0, column 'petal_width': \"wide\" is not a number")]
    [TestCase("{\"data\": [{\"sepal_length\": 5.1}]}", "Row 0 has no column 'sepal_width'")]
    [TestCase("{\"data\": [[1, 2, 3, 4]]} trailing", "unexpected content after the JSON value")]
    [TestCase("{\"data\": [[1, 2, 3, 4], [1, 2, 3, 4, 5, 6]]}", "Row 1 has 6 values; row 0 has 4")]
    [TestCase("{\"data\": [[1, 2, 3, 4], [1, 2]]}", "Row 1 has 2 values; row 0 has 4")]
    [TestCase("{\"data\": [[1, 2, 3, 4], {\"sepal_length\": 1}]}", "Row 1 is an object; rows must be arrays")]
    [TestCase("{\"data\": {\"sepal_length\": 1}}", "'data' must be an array of rows, not an object")]
    [TestCase("{\"data\": [[5.1, {\"a\": [1, 2]}, 1.4, 0.2]]}", "Row 0, column 'sepal_width': {\"a\": [1, 2]} is not a number")]
    [TestCase("{\"data\": [[1, 2, 3, 4]], \"data\": [[1, 2]]}", "row 0 has 2")]
    [TestCase("{\"data\": [[1, 2, 3, 4]], \"rest\": [}", "Invalid JSON")]
    public void Score_BadRequest_Answers400NamingTheProblem(string body, string expected)
    {
        using OnnxScorer scorer = Iris();

        (int status, JsonElement error) = Score(scorer, body);

        Assert.That(status, Is.EqualTo(400));
        Assert.That(error.GetProperty("error").GetString(), Does.Contain(expected));
    }

    [Test]
    public void Score_NamedRowsInAnyOrderWithOtherMembers_TakeTheModelsColumns()
    {
        using OnnxScorer scorer = Iris();

        (int status, JsonElement body) = Score(scorer,
            "{\"id\": 7, \"data\": [{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2}, " +
            "{\"note\": {\"by\": [\"x\"]}, \"petal_width\": 2.3, \"petal_length\": 5.2, \"sepal_width\": 3.0, \"sepal_length\": 6.7}]}");

        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That(body.GetProperty("result").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "setosa", "virginica" }));
    }

    [Test]
    public void Score_LongValueThatIsNoNumber_IsShownCutShort()
    {
        using OnnxScorer scorer = Iris();
        string value = new('x', 100_000);

        (int status, JsonElement error) = Score(scorer, $"{{\"data\": [[5.1, 3.5, 1.4, \"{value}\"]]}}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(error.GetProperty("error").GetString(), Is.EqualTo($"Row 0, column 'petal_width': \"{value[..56]}... is not a number."));
    }

    [Test]
    public void Score_ConcurrentRequests_AllGetTheirOwnAnswer()
    {
        using OnnxScorer scorer = Iris();
        string[] rows = ["[5.1, 3.5, 1.4, 0.2]", "[6.7, 3.0, 5.2, 2.3]"];
        string[] labels = ["setosa", "virginica"];

        string[] answers = new string[200];
        Parallel.For(0, answers.Length, i => answers[i] = Score(scorer, $"{{\"data\": [{rows[i % 2]}]}}").Body.GetProperty("result")[0].GetString()!);

        Assert.That(answers, Is.EqualTo(Enumerable.Range(0, answers.Length).Select(i => labels[i % 2])));
    }

    [Test]
    public void Swagger_DescribesColumnsOutputsAndAuth()
    {
        using OnnxScorer scorer = Iris(authEnabled: true);

        JsonElement swagger = JsonDocument.Parse(scorer.Swagger).RootElement;

        Assert.That(swagger.GetProperty("swagger").GetString(), Is.EqualTo("2.0"));
        Assert.That(swagger.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("iris-service"));
        Assert.That(swagger.GetProperty("securityDefinitions").GetProperty("Bearer").GetProperty("name").GetString(), Is.EqualTo("Authorization"));
        JsonElement row = swagger.GetProperty("definitions").GetProperty("ServiceInput").GetProperty("properties").GetProperty("data").GetProperty("items");
        Assert.That(row.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EqualTo(ServiceTestModels.IrisFeatures));
        Assert.That(swagger.GetProperty("definitions").GetProperty("ServiceOutput").GetProperty("properties").TryGetProperty("probabilities", out _), Is.True);
    }

    [Test]
    public void Swagger_WithoutAuth_HasNoSecurityDefinitions()
    {
        using OnnxScorer scorer = Iris(withFeatureNames: false);

        JsonElement swagger = JsonDocument.Parse(scorer.Swagger).RootElement;

        Assert.That(swagger.TryGetProperty("securityDefinitions", out _), Is.False);
    }
}
