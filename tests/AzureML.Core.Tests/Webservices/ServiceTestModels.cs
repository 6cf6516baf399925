using AzureML.Core.Onnx;

namespace AzureML.Core.Tests.Webservices;

/// <summary>Small ONNX models for service tests, written with the SDK's own ONNX writer.</summary>
internal static class ServiceTestModels
{
    public static readonly string[] IrisFeatures = { "sepal_length", "sepal_width", "petal_length", "petal_width" };
    public static readonly string[] IrisClasses = { "setosa", "versicolor", "virginica" };

    // Class-major weights and biases of a softmax classifier over the four iris measurements.
    public static readonly float[,] Weights = { { -0.4f, 0.9f, -2.2f, -0.9f }, { 0.5f, -0.3f, -0.2f, -0.8f }, { -0.1f, -0.6f, 2.4f, 1.7f } };
    public static readonly float[] Biases = { 8.5f, 1.8f, -10.3f };

    /// <summary>A multinomial logistic regression with string labels and ZipMap probabilities, as skl2onnx writes one.</summary>
    public static string WriteIrisClassifier(string folder, string fileName = "iris.onnx", bool withFeatureNames = true, float biasShift = 0)
    {
        var writer = new OnnxModelWriter { ProducerName = "skl2onnx" };
        writer.ImportOperatorSet(OnnxOperatorSet.DefaultDomain, 15).ImportOperatorSet(OnnxOperatorSet.MLDomain, 1);
        if (withFeatureNames) writer.AddMetadata("feature_names", System.Text.Json.JsonSerializer.Serialize(IrisFeatures));
        OnnxGraphBuilder g = writer.Graph;
        g.AddInput("float_input", OnnxType.Tensor(OnnxElementType.Float, OnnxDimension.Symbolic("N"), OnnxDimension.Fixed(4)));
        g.AddNode("LinearClassifier", ["float_input"], ["label", "probability_tensor"], OnnxOperatorSet.MLDomain)
            .With("coefficients", Weights.Cast<float>().ToArray())
            .With("intercepts", Biases.Select(b => b + biasShift).ToArray())
            .With("classlabels_strings", IrisClasses)
            .With("multi_class", 1L)
            .With("post_transform", "SOFTMAX");
        g.AddNode("Normalizer", ["probability_tensor"], ["probabilities"], OnnxOperatorSet.MLDomain).With("norm", "L1");
        g.AddNode("Identity", ["label"], ["output_label"]);
        g.AddNode("ZipMap", ["probabilities"], ["output_probability"], OnnxOperatorSet.MLDomain).With("classlabels_strings", IrisClasses);
        g.AddOutput("output_label", OnnxType.Tensor(OnnxElementType.String, OnnxDimension.Symbolic("N")));
        g.AddOutput("output_probability", OnnxType.SequenceOfMaps(OnnxElementType.String));
        string path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(folder);
        writer.Save(path);
        return path;
    }

    /// <summary>The softmax probabilities the classifier gives for one row, computed here independently.</summary>
    public static double[] ExpectedProbabilities(double[] row, float biasShift = 0)
    {
        double[] scores = Enumerable.Range(0, 3).Select(c => Biases[c] + biasShift + Enumerable.Range(0, 4).Sum(f => Weights[c, f] * row[f])).ToArray();
        double max = scores.Max();
        double[] exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        return exp.Select(e => e / exp.Sum()).ToArray();
    }
}
