using System.Diagnostics;
using AzureML.Core.Onnx;

namespace AzureML.Core.Benchmarks;

/// <summary>The models the scoring benchmark serves: an iris softmax classifier as ONNX, and a scikit-learn one.</summary>
internal static class BenchmarkModels
{
    private static readonly string[] s_classes = { "setosa", "versicolor", "virginica" };

    public static string WriteIrisClassifier(string folder)
    {
        var writer = new OnnxModelWriter { ProducerName = "skl2onnx" };
        writer.ImportOperatorSet(OnnxOperatorSet.DefaultDomain, 15).ImportOperatorSet(OnnxOperatorSet.MLDomain, 1);
        OnnxGraphBuilder g = writer.Graph;
        g.AddInput("float_input", OnnxType.Tensor(OnnxElementType.Float, OnnxDimension.Symbolic("N"), OnnxDimension.Fixed(4)));
        g.AddNode("LinearClassifier", ["float_input"], ["label", "probability_tensor"], OnnxOperatorSet.MLDomain)
            .With("coefficients", new[] { -0.4f, 0.9f, -2.2f, -0.9f, 0.5f, -0.3f, -0.2f, -0.8f, -0.1f, -0.6f, 2.4f, 1.7f })
            .With("intercepts", new[] { 8.5f, 1.8f, -10.3f })
            .With("classlabels_strings", s_classes)
            .With("multi_class", 1L)
            .With("post_transform", "SOFTMAX");
        g.AddNode("Normalizer", ["probability_tensor"], ["probabilities"], OnnxOperatorSet.MLDomain).With("norm", "L1");
        g.AddNode("Identity", ["label"], ["output_label"]);
        g.AddNode("ZipMap", ["probabilities"], ["output_probability"], OnnxOperatorSet.MLDomain).With("classlabels_strings", s_classes);
        g.AddOutput("output_label", OnnxType.Tensor(OnnxElementType.String, OnnxDimension.Symbolic("N")));
        g.AddOutput("output_probability", OnnxType.SequenceOfMaps(OnnxElementType.String));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "iris.onnx");
        writer.Save(path);
        return path;
    }

    /// <summary>Trains a logistic regression on iris with the first python3 that has scikit-learn; <c>null</c> when none has.</summary>
    public static string? TrainSklearnIris(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "model.joblib");
        foreach (string python in new[] { "python3", "/usr/bin/python3" })
        {
            var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import sys, joblib\nfrom sklearn.datasets import load_iris\nfrom sklearn.linear_model import LogisticRegression\n" +
                "x, y = load_iris(return_X_y=True)\njoblib.dump(LogisticRegression(max_iter=500).fit(x, y), sys.argv[1])\n");
            start.ArgumentList.Add(path);
            try
            {
                using Process process = Process.Start(start)!;
                process.WaitForExit();
                if (process.ExitCode == 0) return path;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed; try the next one.
            }
        }

        return null;
    }
}
