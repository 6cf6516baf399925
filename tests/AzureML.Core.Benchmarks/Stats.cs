namespace AzureML.Core.Benchmarks;

/// <summary>Percentiles of a sample, nearest-rank.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0) return double.NaN;
        double[] sorted = values.Order().ToArray();
        int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
