namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>
/// azureml's regression metrics with sample weights. Normalized errors divide by the target's range over the
/// whole training data (azureml's y_min/y_max); the log error is defined only when targets and predictions are
/// non-negative.
/// </summary>
internal static class RegressionMetrics
{
    private const int HistogramBins = 10;

    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "explained_variance", "r2_score", "spearman_correlation", "mean_absolute_error", "median_absolute_error",
        "root_mean_squared_error", "root_mean_squared_log_error", "mean_absolute_percentage_error",
        "normalized_mean_absolute_error", "normalized_median_absolute_error", "normalized_root_mean_squared_error",
        "normalized_root_mean_squared_log_error",
    };

    public static Dictionary<string, double> Compute(Predictions predictions, ReadOnlySpan<double> truth, ReadOnlySpan<float> weights, double targetMin, double targetMax)
    {
        int n = truth.Length;
        var y = truth.ToArray();
        var p = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = predictions[i, 0];
            w[i] = weights.IsEmpty ? 1 : weights[i];
        }

        double total = w.Sum();
        double meanY = WeightedMean(y, w, total);
        double ssTot = 0, ssRes = 0, absSum = 0, pctSum = 0, pctWeight = 0;
        var residuals = new double[n];
        for (int i = 0; i < n; i++)
        {
            residuals[i] = y[i] - p[i];
            ssTot += w[i] * (y[i] - meanY) * (y[i] - meanY);
            ssRes += w[i] * residuals[i] * residuals[i];
            absSum += w[i] * Math.Abs(residuals[i]);
            if (y[i] != 0)
            {
                pctSum += w[i] * Math.Abs(residuals[i] / y[i]);
                pctWeight += w[i];
            }
        }

        double meanResidual = WeightedMean(residuals, w, total);
        double residualVariance = 0;
        for (int i = 0; i < n; i++) residualVariance += w[i] * (residuals[i] - meanResidual) * (residuals[i] - meanResidual);

        double range = targetMax - targetMin;
        double mae = absSum / total;
        double rmse = Math.Sqrt(ssRes / total);
        double medae = WeightedMedian(residuals.Select(Math.Abs).ToArray(), w);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["explained_variance"] = ssTot > 0 ? 1 - (residualVariance / ssTot) : double.NaN,
            ["r2_score"] = ssTot > 0 ? 1 - (ssRes / ssTot) : double.NaN,
            ["spearman_correlation"] = Spearman(y, p),
            ["mean_absolute_error"] = mae,
            ["median_absolute_error"] = medae,
            ["root_mean_squared_error"] = rmse,
            ["mean_absolute_percentage_error"] = pctWeight > 0 ? 100 * pctSum / pctWeight : double.NaN,
            ["normalized_mean_absolute_error"] = range > 0 ? mae / range : double.NaN,
            ["normalized_median_absolute_error"] = range > 0 ? medae / range : double.NaN,
            ["normalized_root_mean_squared_error"] = range > 0 ? rmse / range : double.NaN,
            ["root_mean_squared_log_error"] = double.NaN,
            ["normalized_root_mean_squared_log_error"] = double.NaN,
        };

        if (targetMin >= 0 && y.All(v => v >= 0) && p.All(v => v >= 0))
        {
            double sq = 0;
            for (int i = 0; i < n; i++) sq += w[i] * Math.Pow(Math.Log(1 + p[i]) - Math.Log(1 + y[i]), 2);
            double rmsle = Math.Sqrt(sq / total);
            double logRange = Math.Log(1 + targetMax) - Math.Log(1 + targetMin);
            metrics["root_mean_squared_log_error"] = rmsle;
            metrics["normalized_root_mean_squared_log_error"] = logRange > 0 ? rmsle / logRange : double.NaN;
        }

        return metrics;
    }

    /// <summary>The residual histogram and the predicted-versus-true table (mean and spread of predictions per bin of true values).</summary>
    public static IReadOnlyList<MetricTable> Tables(Predictions predictions, ReadOnlySpan<double> truth)
    {
        int n = truth.Length;
        var residuals = new double[n];
        for (int i = 0; i < n; i++) residuals[i] = truth[i] - predictions[i, 0];
        (double[] edges, long[] counts) = Histogram(residuals);

        double min = truth.ToArray().Min(), max = truth.ToArray().Max();
        double width = max > min ? (max - min) / HistogramBins : 1;
        var sums = new double[HistogramBins];
        var squares = new double[HistogramBins];
        var binCounts = new long[HistogramBins];
        for (int i = 0; i < n; i++)
        {
            int bin = Math.Min(HistogramBins - 1, (int)((truth[i] - min) / width));
            double value = predictions[i, 0];
            sums[bin] += value;
            squares[bin] += value * value;
            binCounts[bin]++;
        }

        var centers = new List<object>();
        var means = new List<object>();
        var spreads = new List<object>();
        var countColumn = new List<object>();
        for (int b = 0; b < HistogramBins; b++)
        {
            if (binCounts[b] == 0) continue;
            double mean = sums[b] / binCounts[b];
            centers.Add(min + ((b + 0.5) * width));
            means.Add(mean);
            spreads.Add(Math.Sqrt(Math.Max(0, (squares[b] / binCounts[b]) - (mean * mean))));
            countColumn.Add(binCounts[b]);
        }

        return new[]
        {
            new MetricTable("residuals", new (string, IReadOnlyList<object>)[]
            {
                ("bin_start", edges.Take(HistogramBins).Cast<object>().ToList()),
                ("bin_end", edges.Skip(1).Cast<object>().ToList()),
                ("count", counts.Cast<object>().ToList()),
            }),
            new MetricTable("predicted_true", new (string, IReadOnlyList<object>)[]
            {
                ("true_bin_center", centers), ("mean_predicted", means), ("stddev_predicted", spreads), ("count", countColumn),
            }),
        };
    }

    private static (double[] Edges, long[] Counts) Histogram(double[] values)
    {
        double min = values.Min(), max = values.Max();
        if (max <= min) max = min + 1;
        double width = (max - min) / HistogramBins;
        var edges = Enumerable.Range(0, HistogramBins + 1).Select(b => min + (b * width)).ToArray();
        var counts = new long[HistogramBins];
        foreach (double value in values) counts[Math.Min(HistogramBins - 1, (int)((value - min) / width))]++;
        return (edges, counts);
    }

    private static double WeightedMean(double[] values, double[] w, double total)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++) sum += w[i] * values[i];
        return sum / total;
    }

    private static double WeightedMedian(double[] values, double[] w)
    {
        int[] order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        if (w.All(x => x == 1))
        {
            int n = order.Length;
            return n % 2 == 1 ? values[order[n / 2]] : (values[order[(n / 2) - 1]] + values[order[n / 2]]) / 2;
        }

        double half = w.Sum() / 2, running = 0;
        foreach (int i in order)
        {
            running += w[i];
            if (running >= half) return values[i];
        }

        return values[order[^1]];
    }

    private static double Spearman(double[] a, double[] b)
    {
        double[] ra = Ranks(a), rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average();
        double cov = 0, va = 0, vb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }

        return va > 0 && vb > 0 ? cov / Math.Sqrt(va * vb) : double.NaN;
    }

    // Average ranks for ties, as scipy's spearmanr.
    private static double[] Ranks(double[] values)
    {
        int[] order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = ((start + end) / 2.0) + 1;
            for (int i = start; i <= end; i++) ranks[order[i]] = rank;
            start = end + 1;
        }

        return ranks;
    }
}
