using System.Diagnostics;
using System.Globalization;
using AzureML.Core;
using AzureML.Core.Data;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// Fits AutoML on one training fold through the public API — a local workspace, experiment.Submit, the background
/// runner, child runs — within the budget, and predicts the held-out fold with the best model.
/// </summary>
internal static class AutoMLFitter
{
    public static OursFold Fit(BenchmarkDataset dataset, DataFrame train, DataFrame test, IReadOnlyList<string>? classes, TimeSpan budget, int concurrency, string workFolder)
    {
        var clock = Stopwatch.StartNew();
        string folder = Directory.CreateDirectory(Path.Combine(workFolder, $"{dataset.Name}-{Guid.NewGuid():N}")).FullName;
        var ws = Workspace.Local(Path.Combine(folder, "ws"));
        var config = new AutoMLConfig(task: dataset.Task, trainingData: train, labelColumnName: dataset.Label, primaryMetric: dataset.GoalMetric,
            experimentTimeoutMinutes: budget.TotalMinutes, maxConcurrentIterations: concurrency, debugLog: Path.Combine(folder, "automl.log"), path: folder);
        var run = (AutoMLRun)new Experiment(ws, "benchmark-" + dataset.Name).Submit(config);
        run.WaitForCompletion();
        (Run best, FittedModel model) = run.GetOutput();
        double[][] predictions = Predict(model, test, classes);
        TimeSpan wall = clock.Elapsed;

        IReadOnlyList<Run> children = run.GetChildren();
        Run setup = children.Single(c => c.Id.EndsWith("_setup", StringComparison.Ordinal));
        var trials = children.Where(c => c.Properties.ContainsKey("training_seconds") && !c.Properties.ContainsKey("ensembled_iterations")).ToList();
        double Mean(Func<Run, double> seconds) => trials.Count == 0 ? 0 : trials.Average(seconds);
        double Duration(Run r) => r.GetDetails() is { StartTimeUtc: { } start, EndTimeUtc: { } end } ? (end - start).TotalSeconds : 0;
        double Seconds(Run r, string key) => double.Parse(r.Properties[key], CultureInfo.InvariantCulture);
        return new OursFold
        {
            Run = run,
            Predictions = predictions,
            BestAlgorithm = best.Properties["run_algorithm"],
            Iterations = children.Count - 1,
            Setup = TimeSpan.FromSeconds(Duration(setup)),
            MeanTrain = TimeSpan.FromSeconds(Mean(r => Seconds(r, "training_seconds"))),
            MeanExport = TimeSpan.FromSeconds(Mean(r => Seconds(r, "export_seconds"))),
            MeanOther = TimeSpan.FromSeconds(Mean(r => Duration(r) - Seconds(r, "training_seconds") - Seconds(r, "export_seconds"))),
            Wall = wall,
        };
    }

    /// <summary>A model's held-out predictions: class probabilities in the peers' class order, or one predicted value per row.</summary>
    public static double[][] Predict(FittedModel model, DataFrame test, IReadOnlyList<string>? classes) => classes is null
        ? model.Predict(test).Select(v => new[] { (double)v }).ToArray()
        : Align(model.PredictProbabilities(test), model.Classes, classes);

    // The model's class order is the engine's; the peers' is Python's sorted order: match them by label text.
    private static double[][] Align(double[][] probabilities, IReadOnlyList<object> modelClasses, IReadOnlyList<string> classes)
    {
        int[] column = classes.Select(c => Enumerable.Range(0, modelClasses.Count).Single(i => Engine.Data.ClassLabels.Format(modelClasses[i]) == c)).ToArray();
        return probabilities.Select(row => column.Select(c => row[c]).ToArray()).ToArray();
    }
}
