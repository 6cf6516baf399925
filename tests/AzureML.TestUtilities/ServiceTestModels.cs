using Onnx;
using static AzureML.TestUtilities.OnnxProto;
using DataType = Onnx.TensorProto.Types.DataType;

namespace AzureML.TestUtilities;

/// <summary>Small ONNX models for service tests, built from the public ONNX protobuf classes.</summary>
public static class ServiceTestModels
{
    public static readonly string[] IrisFeatures = { "sepal_length", "sepal_width", "petal_length", "petal_width" };
    public static readonly string[] IrisClasses = { "setosa", "versicolor", "virginica" };

    // Class-major weights and biases of a softmax classifier over the four iris measurements.
    public static readonly float[,] Weights = { { -0.4f, 0.9f, -2.2f, -0.9f }, { 0.5f, -0.3f, -0.2f, -0.8f }, { -0.1f, -0.6f, 2.4f, 1.7f } };
    public static readonly float[] Biases = { 8.5f, 1.8f, -10.3f };

    /// <summary>A multinomial logistic regression with string labels and ZipMap probabilities, as skl2onnx writes one.</summary>
    public static ModelProto IrisClassifier(bool withFeatureNames = true, float biasShift = 0) => Model(
        Graph(
            [Tensor("float_input", DataType.Float, Dim("N"), Dim(4))],
            [Tensor("output_label", DataType.String, Dim("N")), SequenceOfMaps("output_probability", DataType.String)],
            [
                Node("LinearClassifier", ["float_input"], ["label", "probability_tensor"], MLDomain,
                    Attr.Floats("coefficients", Weights.Cast<float>().ToArray()),
                    Attr.Floats("intercepts", Biases.Select(b => b + biasShift).ToArray()),
                    Attr.Strings("classlabels_strings", IrisClasses),
                    Attr.Int("multi_class", 1),
                    Attr.String("post_transform", "SOFTMAX")),
                Node("Normalizer", ["probability_tensor"], ["probabilities"], MLDomain, Attr.String("norm", "L1")),
                Node("Identity", ["label"], ["output_label"]),
                Node("ZipMap", ["probabilities"], ["output_probability"], MLDomain, Attr.Strings("classlabels_strings", IrisClasses)),
            ]),
        producerName: "skl2onnx",
        mlOpset: 1,
        metadata: withFeatureNames ? [("feature_names", System.Text.Json.JsonSerializer.Serialize(IrisFeatures))] : []);

    /// <summary>Writes <see cref="IrisClassifier"/> into <paramref name="folder"/> and returns the file's path.</summary>
    public static string WriteIrisClassifier(string folder, string fileName = "iris.onnx", bool withFeatureNames = true, float biasShift = 0)
    {
        string path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(folder);
        IrisClassifier(withFeatureNames, biasShift).Save(path);
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
