using System.Diagnostics;

namespace AzureML.Core.Benchmarks;

/// <summary>The models the scoring benchmark serves: an iris softmax classifier as ONNX, and a scikit-learn one.</summary>
internal static class BenchmarkModels
{
    /// <summary>
    /// The ONNX iris classifier of <c>samples/OnnxDeploy</c> (a softmax regression with string labels and ZipMap
    /// probabilities, as skl2onnx writes one), copied into <paramref name="folder"/>.
    /// </summary>
    public static string CopyIrisClassifier(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "iris.onnx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "iris.onnx"), path);
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
