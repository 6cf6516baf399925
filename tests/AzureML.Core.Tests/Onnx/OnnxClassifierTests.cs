using AzureML.Core.Onnx;
using NUnit.Framework;

namespace AzureML.Core.Tests.Onnx;

[TestFixture]
public class OnnxClassifierTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [TestCase(new[] { 1f, 2f, 3f }, 1L)]
    [TestCase(new[] { 3f, 2f, -1f }, 0L)]
    [TestCase(new[] { 0f, 0f, 0f }, 1L)]
    public void Run_BinaryLogisticRegression_ZipMapMatchesSigmoid(float[] x, long expectedLabel)
    {
        float[] w = [0.5f, -1f, 2f];
        const float b = 0.25f;
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.BinaryLogisticRegression(w, b, [0, 1]));

        OnnxRunResult result = model.Run(OnnxTensor.Create(x, 1, 3));

        double p1 = Sigmoid(b + x.Select((xi, i) => (double)xi * w[i]).Sum());
        IReadOnlyDictionary<long, float> probabilities = result.GetMaps<long>("output_probability").Single();
        Assert.That(probabilities.Keys, Is.EquivalentTo(new[] { 0L, 1L }));
        Assert.That(probabilities[1], Is.EqualTo(p1).Within(1e-6));
        Assert.That(probabilities[0], Is.EqualTo(1 - p1).Within(1e-6));
        Assert.That(result.GetTensor("output_label").GetData<long>(), Is.EqualTo(new[] { expectedLabel }));
    }

    [Test]
    public void Run_BinaryLogisticRegressionBatch_ReturnsOneMapPerRow()
    {
        float[] w = [0.5f, -1f, 2f];
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.BinaryLogisticRegression(w, 0.25f, [7, 42]));

        OnnxRunResult result = model.Run(OnnxTensor.Create(new[] { 1f, 2f, 3f, 3f, 2f, -1f, 0f, 0f, 0f, 1f, 1f, 1f }, 4, 3));

        IReadOnlyList<IReadOnlyDictionary<long, float>> maps = result.GetMaps<long>("output_probability");
        Assert.That(maps, Has.Count.EqualTo(4));
        Assert.That(maps.Select(m => m.Keys.OrderBy(k => k)), Has.All.EqualTo(new[] { 7L, 42L }));
        Assert.That(maps.Select(m => m[7] + m[42]), Has.All.EqualTo(1f).Within(1e-6));
        Assert.That(result.GetTensor("output_label").GetData<long>(), Is.EqualTo(new[] { 42L, 7L, 42L, 42L }));
    }

    [Test]
    public void Run_BinaryLogisticRegressionEmptyBatch_ReturnsNoMapsAndNoLabels()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.BinaryLogisticRegression([0.5f, -1f, 2f], 0.25f, [7, 42]));

        OnnxRunResult result = model.Run(OnnxTensor.Create(Array.Empty<float>(), 0, 3));

        Assert.That(result.GetMaps<long>("output_probability"), Is.Empty);
        Assert.That(result.GetTensor("output_label").GetData<long>(), Is.Empty);
    }

    [Test]
    public void Run_SequenceOfTensorsOutput_ThrowsNamingTheOutputAndWhatCanBeRead()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.SequenceOfTensors());

        var error = Assert.Throws<UserErrorException>(() => model.Run(OnnxTensor.Vector(new[] { 1f, 2f })));

        Assert.That(error!.Message, Does.Contain("'S'").And.Contain("a sequence of tensor values")
            .And.Contain("only tensors and sequences of maps from int64 or string to float can be read"));
    }

    [Test]
    public void Metadata_BinaryLogisticRegression_DescribesZipMapOutput()
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.BinaryLogisticRegression([1f, 1f, 1f], 0f, [0, 1]));

        Assert.That(model.Outputs.Select(o => o.ToString()), Is.EqualTo(new[]
        {
            "output_label: tensor(int64)[N]",
            "output_probability: seq(map(int64,tensor(float)[]))",
        }));
        Assert.That(model.Metadata.ProducerName, Is.EqualTo("skl2onnx"));
    }

    [TestCase(new[] { 1f, 0f }, "setosa")]
    [TestCase(new[] { 0f, 2f }, "versicolor")]
    [TestCase(new[] { -2f, -2f }, "virginica")]
    public void Run_MultinomialLogisticRegressionStringLabels_ZipMapMatchesSoftmax(float[] x, string expectedLabel)
    {
        float[,] w = { { 2f, 0f }, { 0f, 1.5f }, { -1f, -1f } };
        float[] b = [0.1f, 0f, -0.1f];
        string[] labels = ["setosa", "versicolor", "virginica"];
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.MultinomialLogisticRegression(w, b, labels));

        OnnxRunResult result = model.Run(new Dictionary<string, OnnxTensor> { ["float_input"] = OnnxTensor.Create(x, 1, 2) });

        double[] scores = Enumerable.Range(0, 3).Select(c => b[c] + (double)w[c, 0] * x[0] + (double)w[c, 1] * x[1]).ToArray();
        double[] softmax = scores.Select(s => Math.Exp(s) / scores.Sum(Math.Exp)).ToArray();
        IReadOnlyDictionary<string, float> probabilities = result.GetMaps<string>("output_probability").Single();
        for (int c = 0; c < 3; c++)
            Assert.That(probabilities[labels[c]], Is.EqualTo(softmax[c]).Within(1e-6), labels[c]);
        Assert.That(result.GetTensor("output_label").GetData<string>(), Is.EqualTo(new[] { expectedLabel }));
    }

    [TestCase(1f, 2f, 0.6)]
    [TestCase(0f, 2f, 0.0)]
    [TestCase(0f, 0f, -0.6)]
    public void Run_BinaryTreeEnsemble_ZipMapMatchesLogisticOfLeafSum(float x0, float x1, double expectedScore)
    {
        using OnnxModel model = OnnxModel.Load(OnnxTestModels.BinaryTreeEnsemble(threshold0: 0.5f, threshold1: 1f, baseValue: 0.3f));

        OnnxRunResult result = model.Run(OnnxTensor.Create(new[] { x0, x1 }, 1, 2));

        IReadOnlyDictionary<long, float> probabilities = result.GetMaps<long>("output_probability").Single();
        Assert.That(probabilities[1], Is.EqualTo(Sigmoid(expectedScore)).Within(1e-6));
        Assert.That(probabilities[0], Is.EqualTo(1 - Sigmoid(expectedScore)).Within(1e-6));
    }
}
