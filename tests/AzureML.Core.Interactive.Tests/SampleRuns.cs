using System.Collections;

namespace AzureML.Core.Interactive.Tests;

/// <summary>Finished runs the views are tested on, made through the public API on a local workspace.</summary>
internal static class SampleRuns
{
    public static readonly double[] Loss = [0.92, 0.61, 0.44, 0.35, 0.31, 0.29];

    /// <summary>A training run with scalars, a series logged step by step, a list and a table.</summary>
    public static Run Training(Workspace ws)
    {
        Run run = new Experiment(ws, "train-sklearn").StartLogging(displayName: "svm");
        run.Log("Kernel type", "linear");
        run.Log("Penalty", 1.0);
        foreach (double loss in Loss) run.Log("loss", loss);
        run.LogList("learning rate", new[] { 0.1, 0.05, 0.025 });
        run.LogTable("per class", new Dictionary<string, IEnumerable> { ["class"] = new[] { "setosa", "versicolor" }, ["f1"] = new[] { 1.0, 0.93 } });
        run.Log("Accuracy", 0.9736842105263158);
        run.Complete();
        return run;
    }

    /// <summary>
    /// A run shaped the way AutoML records one: the parent names its primary metric (a property) and its best trial
    /// (a tag); a setup child and
    /// trials <c>_0</c>, <c>_1</c>, <c>_2</c> carry <c>run_algorithm</c>, <c>run_preprocessor</c>, <c>iteration</c>, their
    /// metrics, and <c>confusion_matrix</c> and <c>roc_curve</c> tables.
    /// </summary>
    public static Run AutoML(Workspace ws)
    {
        Run parent = new Experiment(ws, "aml-experiment").StartLogging();
        parent.AddProperties(new Dictionary<string, string> { ["primary_metric"] = "AUC_weighted" });
        parent.Child(runId: parent.Id + "_setup").Complete();
        (string Algorithm, string Preprocessor, double Auc)[] trials =
        [
            ("LightGBM", "MaxAbsScaler", 0.88),
            ("LogisticRegression", "StandardScalerWrapper", 0.91),
            ("RandomForest", "MinMaxScaler", 0.86),
        ];
        for (int i = 0; i < trials.Length; i++)
        {
            Run trial = parent.Child(runId: $"{parent.Id}_{i}");
            trial.AddProperties(new Dictionary<string, string>
            {
                ["run_algorithm"] = trials[i].Algorithm,
                ["run_preprocessor"] = trials[i].Preprocessor,
                ["iteration"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            trial.Log("AUC_weighted", trials[i].Auc);
            trial.Log("accuracy", trials[i].Auc - 0.05);
            trial.LogTable("confusion_matrix", new Dictionary<string, IEnumerable>
            {
                ["class_label"] = new[] { "False", "True" },
                ["predicted_False"] = new long[] { 180, 22 + i },
                ["predicted_True"] = new long[] { 23, 74 - i },
            });
            trial.LogTable("roc_curve", new Dictionary<string, IEnumerable>
            {
                ["class_label"] = new[] { "True", "True", "True", "True", "True" },
                ["false_positive_rate"] = new[] { 0.0, 0.05, 0.15, 0.4, 1.0 },
                ["true_positive_rate"] = new[] { 0.0, 0.55, 0.8, 0.93, 1.0 },
                ["threshold"] = new[] { 1.0, 0.8, 0.6, 0.3, 0.0 },
            });
            trial.Complete();
        }

        parent.Tag("automl_best_child_run_id", parent.Id + "_1");
        parent.Complete();
        return parent;
    }
}
