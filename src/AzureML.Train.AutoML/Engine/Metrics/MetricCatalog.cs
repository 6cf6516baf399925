using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>azureml's metric names per task, the ones allowed as primary metric, the defaults and which way is better.</summary>
internal static class MetricCatalog
{
    public static IReadOnlyList<string> ClassificationPrimary { get; } = new[]
    {
        "accuracy", "AUC_weighted", "average_precision_score_weighted", "norm_macro_recall", "precision_score_weighted",
    };

    public static IReadOnlyList<string> RegressionPrimary { get; } = new[]
    {
        "spearman_correlation", "normalized_root_mean_squared_error", "r2_score", "normalized_mean_absolute_error",
    };

    public static IReadOnlyList<string> Primary(TaskKind task) => task == TaskKind.Classification ? ClassificationPrimary : RegressionPrimary;

    public static string DefaultPrimary(TaskKind task) => task == TaskKind.Classification ? "accuracy" : "normalized_root_mean_squared_error";

    /// <summary>Every scalar metric the engine computes for the task.</summary>
    public static IReadOnlyList<string> All(TaskKind task, bool binary)
        => task == TaskKind.Classification ? ClassificationMetrics.Names(binary) : RegressionMetrics.Names;

    /// <summary>Whether larger values are better (errors and log loss: smaller).</summary>
    public static bool HigherIsBetter(string metric)
        => !(metric.Contains("error", StringComparison.Ordinal) || metric == "log_loss");

    /// <summary>Compares two values of <paramref name="metric"/>: positive when <paramref name="a"/> is better. NaN is worst.</summary>
    public static int Compare(string metric, double a, double b)
    {
        if (double.IsNaN(a)) return double.IsNaN(b) ? 0 : -1;
        if (double.IsNaN(b)) return 1;
        int order = a.CompareTo(b);
        return HigherIsBetter(metric) ? order : -order;
    }

    /// <summary>A value to minimise: the metric itself when lower is better, its negation otherwise. NaN becomes +infinity.</summary>
    public static double Loss(string metric, double value)
        => double.IsNaN(value) ? double.PositiveInfinity : HigherIsBetter(metric) ? -value : value;
}
