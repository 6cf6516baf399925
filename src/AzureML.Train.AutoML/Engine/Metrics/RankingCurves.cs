namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>ROC and precision-recall curves of one score against a 0/1 truth, with sample weights; ties share a threshold.</summary>
internal static class RankingCurves
{
    /// <summary>One threshold: at or above it a row counts as positive.</summary>
    public readonly record struct Point(double Threshold, double TruePositives, double FalsePositives);

    /// <summary>The cumulative counts at every distinct score, highest first (the first point is above every score).</summary>
    public static List<Point> Sweep(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive, ReadOnlySpan<double> weights)
    {
        int[] order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        double[] keys = scores.ToArray();
        Array.Sort(keys, order, Comparer<double>.Create((a, b) => b.CompareTo(a)));
        var points = new List<Point>(order.Length + 1) { new(double.PositiveInfinity, 0, 0) };
        double tp = 0, fp = 0;
        for (int i = 0; i < order.Length; i++)
        {
            int row = order[i];
            double w = weights.IsEmpty ? 1 : weights[row];
            if (positive[row]) tp += w;
            else fp += w;
            if (i == order.Length - 1 || keys[i + 1] != keys[i]) points.Add(new Point(keys[i], tp, fp));
        }

        return points;
    }

    /// <summary>The area under the ROC curve (trapezoids, so tied scores count half), or NaN when one class is absent.</summary>
    public static double RocAuc(List<Point> sweep)
    {
        double positives = sweep[^1].TruePositives, negatives = sweep[^1].FalsePositives;
        if (positives <= 0 || negatives <= 0) return double.NaN;
        double area = 0;
        for (int i = 1; i < sweep.Count; i++)
        {
            area += (sweep[i].FalsePositives - sweep[i - 1].FalsePositives) * (sweep[i].TruePositives + sweep[i - 1].TruePositives) / 2;
        }

        return area / (positives * negatives);
    }

    /// <summary>Average precision (sum of precision times recall increase over thresholds), or NaN without positives.</summary>
    public static double AveragePrecision(List<Point> sweep)
    {
        double positives = sweep[^1].TruePositives;
        if (positives <= 0) return double.NaN;
        double ap = 0;
        for (int i = 1; i < sweep.Count; i++)
        {
            double recallStep = (sweep[i].TruePositives - sweep[i - 1].TruePositives) / positives;
            double predicted = sweep[i].TruePositives + sweep[i].FalsePositives;
            if (recallStep > 0 && predicted > 0) ap += recallStep * sweep[i].TruePositives / predicted;
        }

        return ap;
    }

    /// <summary>At most <paramref name="count"/> points spread evenly along a sweep, always keeping both ends.</summary>
    public static List<Point> Thin(List<Point> sweep, int count)
    {
        if (sweep.Count <= count) return sweep;
        var thinned = new List<Point>(count);
        for (int i = 0; i < count; i++) thinned.Add(sweep[(int)Math.Round((double)i * (sweep.Count - 1) / (count - 1))]);
        return thinned;
    }
}
