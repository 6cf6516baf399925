using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>
/// azureml's classification metrics from class probabilities, with sample weights, computed as scikit-learn
/// computes them: macro/weighted averages over the classes present, micro averages over all rows (equal to
/// accuracy for precision, recall and F1), one-vs-rest AUC and average precision, and the binary metrics of the
/// positive class for two classes.
/// </summary>
internal static class ClassificationMetrics
{
    private const double LogLossEpsilon = 1e-15;
    private const int CurvePoints = 101;

    public static IReadOnlyList<string> Names(bool binary)
    {
        var names = new List<string>
        {
            "accuracy", "balanced_accuracy", "weighted_accuracy", "norm_macro_recall", "log_loss", "matthews_correlation",
            "AUC_macro", "AUC_micro", "AUC_weighted",
            "average_precision_score_macro", "average_precision_score_micro", "average_precision_score_weighted",
            "f1_score_macro", "f1_score_micro", "f1_score_weighted",
            "precision_score_macro", "precision_score_micro", "precision_score_weighted",
            "recall_score_macro", "recall_score_micro", "recall_score_weighted",
        };
        if (binary) names.AddRange(new[] { "AUC_binary", "average_precision_score_binary", "f1_score_binary", "precision_score_binary", "recall_score_binary" });
        return names;
    }

    /// <summary>Every scalar metric, or with <paramref name="needed"/> at least that one (the costly ranking metrics only when it is one).</summary>
    public static Dictionary<string, double> Compute(Predictions probabilities, ReadOnlySpan<int> truth, ReadOnlySpan<float> weights, ClassLabels classes, string? needed = null)
    {
        int k = classes.Count;
        int n = truth.Length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = weights.IsEmpty ? 1 : weights[i];

        var confusion = new double[k, k];
        var predicted = new int[n];
        for (int i = 0; i < n; i++)
        {
            predicted[i] = probabilities.ArgMax(i);
            confusion[truth[i], predicted[i]] += w[i];
        }

        double total = w.Sum();
        var support = new double[k];
        var predictedCount = new double[k];
        var correct = new double[k];
        for (int t = 0; t < k; t++)
        {
            for (int p = 0; p < k; p++)
            {
                support[t] += confusion[t, p];
                predictedCount[p] += confusion[t, p];
            }

            correct[t] = confusion[t, t];
        }

        double accuracy = total == 0 ? double.NaN : correct.Sum() / total;
        var precision = new double[k];
        var recall = new double[k];
        var f1 = new double[k];
        for (int c = 0; c < k; c++)
        {
            precision[c] = predictedCount[c] > 0 ? correct[c] / predictedCount[c] : 0;
            recall[c] = support[c] > 0 ? correct[c] / support[c] : 0;
            f1[c] = precision[c] + recall[c] > 0 ? 2 * precision[c] * recall[c] / (precision[c] + recall[c]) : 0;
        }

        // scikit-learn averages over the labels seen in truth or predictions; balanced accuracy over those in truth.
        int[] seen = Enumerable.Range(0, k).Where(c => support[c] > 0 || predictedCount[c] > 0).ToArray();
        int[] inTruth = Enumerable.Range(0, k).Where(c => support[c] > 0).ToArray();
        double macroRecall = inTruth.Average(c => recall[c]);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["accuracy"] = accuracy,
            ["balanced_accuracy"] = macroRecall,
            ["norm_macro_recall"] = (macroRecall - (1.0 / k)) / (1 - (1.0 / k)),
            ["weighted_accuracy"] = WeightedAccuracy(truth, predicted, w, support, total),
            ["log_loss"] = LogLoss(probabilities, truth, w, total),
            ["matthews_correlation"] = Matthews(correct.Sum(), total, predictedCount, support),
            ["precision_score_macro"] = seen.Average(c => precision[c]),
            ["recall_score_macro"] = seen.Average(c => recall[c]),
            ["f1_score_macro"] = seen.Average(c => f1[c]),
            ["precision_score_weighted"] = Weighted(precision, support),
            ["recall_score_weighted"] = Weighted(recall, support),
            ["f1_score_weighted"] = Weighted(f1, support),
            ["precision_score_micro"] = accuracy,
            ["recall_score_micro"] = accuracy,
            ["f1_score_micro"] = accuracy,
        };

        bool ranking = needed is null || needed.StartsWith("AUC_", StringComparison.Ordinal) || needed.StartsWith("average_precision_score_", StringComparison.Ordinal);
        if (!ranking)
        {
            if (classes.IsBinary) AddBinary(metrics, classes.PositiveIndex, f1, precision, recall);
            return metrics;
        }

        var auc = new double[k];
        var ap = new double[k];
        var positive = new bool[n];
        var scores = new double[n];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < n; i++)
            {
                positive[i] = truth[i] == c;
                scores[i] = probabilities[i, c];
            }

            List<RankingCurves.Point> sweep = RankingCurves.Sweep(scores, positive, w);
            auc[c] = RankingCurves.RocAuc(sweep);
            ap[c] = RankingCurves.AveragePrecision(sweep);
        }

        metrics["AUC_macro"] = MeanDefined(inTruth.Select(c => auc[c]));
        metrics["AUC_weighted"] = Weighted(auc, support);
        metrics["average_precision_score_macro"] = MeanDefined(inTruth.Select(c => ap[c]));
        metrics["average_precision_score_weighted"] = Weighted(ap, support);
        if (needed is null or "AUC_micro" or "average_precision_score_micro")
        {
            (metrics["AUC_micro"], metrics["average_precision_score_micro"]) = Micro(probabilities, truth, w);
        }

        if (classes.IsBinary)
        {
            int p = classes.PositiveIndex;
            metrics["AUC_binary"] = auc[p];
            metrics["average_precision_score_binary"] = ap[p];
            AddBinary(metrics, p, f1, precision, recall);
        }

        return metrics;
    }

    private static void AddBinary(Dictionary<string, double> metrics, int positive, double[] f1, double[] precision, double[] recall)
    {
        metrics["f1_score_binary"] = f1[positive];
        metrics["precision_score_binary"] = precision[positive];
        metrics["recall_score_binary"] = recall[positive];
    }

    /// <summary>The confusion matrix (rows: true class, columns: predicted class) and the ROC and precision-recall curves.</summary>
    public static IReadOnlyList<MetricTable> Tables(Predictions probabilities, ReadOnlySpan<int> truth, ClassLabels classes)
    {
        int k = classes.Count;
        var counts = new long[k, k];
        for (int i = 0; i < truth.Length; i++) counts[truth[i], probabilities.ArgMax(i)]++;
        var confusion = new List<(string, IReadOnlyList<object>)> { ("class_label", Enumerable.Range(0, k).Select(c => (object)classes.Format(c)).ToList()) };
        for (int p = 0; p < k; p++) confusion.Add(("predicted_" + classes.Format(p), Enumerable.Range(0, k).Select(t => (object)counts[t, p]).ToList()));

        var rocClass = new List<object>();
        var fpr = new List<object>();
        var tpr = new List<object>();
        var rocThreshold = new List<object>();
        var prClass = new List<object>();
        var recall = new List<object>();
        var precision = new List<object>();
        var prThreshold = new List<object>();
        var positive = new bool[truth.Length];
        var scores = new double[truth.Length];
        IEnumerable<int> curveClasses = classes.IsBinary ? new[] { classes.PositiveIndex } : Enumerable.Range(0, k);
        foreach (int c in curveClasses)
        {
            for (int i = 0; i < truth.Length; i++)
            {
                positive[i] = truth[i] == c;
                scores[i] = probabilities[i, c];
            }

            List<RankingCurves.Point> sweep = RankingCurves.Sweep(scores, positive, ReadOnlySpan<double>.Empty);
            double positives = sweep[^1].TruePositives, negatives = sweep[^1].FalsePositives;
            if (positives == 0 || negatives == 0) continue;
            foreach (RankingCurves.Point point in RankingCurves.Thin(sweep, CurvePoints))
            {
                rocClass.Add(classes.Format(c));
                fpr.Add(point.FalsePositives / negatives);
                tpr.Add(point.TruePositives / positives);
                rocThreshold.Add(ClampThreshold(point.Threshold));
                prClass.Add(classes.Format(c));
                recall.Add(point.TruePositives / positives);
                precision.Add(point.TruePositives + point.FalsePositives > 0 ? point.TruePositives / (point.TruePositives + point.FalsePositives) : 1.0);
                prThreshold.Add(ClampThreshold(point.Threshold));
            }
        }

        return new[]
        {
            new MetricTable("confusion_matrix", confusion),
            new MetricTable("roc_curve", new (string, IReadOnlyList<object>)[] { ("class_label", rocClass), ("false_positive_rate", fpr), ("true_positive_rate", tpr), ("threshold", rocThreshold) }),
            new MetricTable("precision_recall_curve", new (string, IReadOnlyList<object>)[] { ("class_label", prClass), ("recall", recall), ("precision", precision), ("threshold", prThreshold) }),
        };
    }

    // The sweep starts above every score; the table says 1 there (no probability reaches above it).
    private static object ClampThreshold(double threshold) => double.IsPositiveInfinity(threshold) ? 1.0 : threshold;

    private static double MeanDefined(IEnumerable<double> values)
    {
        double[] defined = values.Where(v => !double.IsNaN(v)).ToArray();
        return defined.Length == 0 ? double.NaN : defined.Average();
    }

    private static double Weighted(double[] values, double[] support)
    {
        double sum = 0, weight = 0;
        for (int c = 0; c < values.Length; c++)
        {
            if (support[c] <= 0 || double.IsNaN(values[c])) continue;
            sum += values[c] * support[c];
            weight += support[c];
        }

        return weight > 0 ? sum / weight : double.NaN;
    }

    // azureml weighs each row by the share of its class: accuracy that favours the frequent classes.
    private static double WeightedAccuracy(ReadOnlySpan<int> truth, int[] predicted, double[] w, double[] support, double total)
    {
        double numerator = 0, denominator = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double classWeight = support[truth[i]] / total * w[i];
            denominator += classWeight;
            if (predicted[i] == truth[i]) numerator += classWeight;
        }

        return denominator > 0 ? numerator / denominator : double.NaN;
    }

    private static double LogLoss(Predictions probabilities, ReadOnlySpan<int> truth, double[] w, double total)
    {
        double loss = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            // Clipped, then each row renormalised, as scikit-learn does.
            double rowSum = 0;
            for (int c = 0; c < probabilities.Width; c++) rowSum += Math.Clamp(probabilities[i, c], LogLossEpsilon, 1 - LogLossEpsilon);
            double p = Math.Clamp(probabilities[i, truth[i]], LogLossEpsilon, 1 - LogLossEpsilon) / rowSum;
            loss -= w[i] * Math.Log(p);
        }

        return total > 0 ? loss / total : double.NaN;
    }

    private static double Matthews(double correct, double total, double[] predictedCount, double[] support)
    {
        double cov = (correct * total) - predictedCount.Zip(support, (p, t) => p * t).Sum();
        double predictedSpread = (total * total) - predictedCount.Sum(p => p * p);
        double trueSpread = (total * total) - support.Sum(t => t * t);
        double denominator = Math.Sqrt(predictedSpread * trueSpread);
        return denominator > 0 ? cov / denominator : 0;
    }

    // Micro averages treat every (row, class) pair as one binary decision.
    private static (double Auc, double AveragePrecision) Micro(Predictions probabilities, ReadOnlySpan<int> truth, double[] w)
    {
        int k = probabilities.Width;
        var scores = new double[truth.Length * k];
        var positive = new bool[scores.Length];
        var weights = new double[scores.Length];
        for (int i = 0; i < truth.Length; i++)
        {
            for (int c = 0; c < k; c++)
            {
                scores[(i * k) + c] = probabilities[i, c];
                positive[(i * k) + c] = truth[i] == c;
                weights[(i * k) + c] = w[i];
            }
        }

        List<RankingCurves.Point> sweep = RankingCurves.Sweep(scores, positive, weights);
        return (RankingCurves.RocAuc(sweep), RankingCurves.AveragePrecision(sweep));
    }
}
