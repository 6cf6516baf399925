namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// AutoML against one peer on the same outer folds: the standard error of the mean per-fold difference, and how many
/// folds each side won. A mean difference within about one standard error of zero is fold-to-fold noise.
/// </summary>
internal sealed record PairedDifference(double Mean, double StandardError, int Wins, int Ties, int Losses)
{
    /// <summary>Compares <paramref name="ours"/> with <paramref name="peer"/> fold by fold (higher is better).</summary>
    public static PairedDifference Of(IReadOnlyList<double> ours, IReadOnlyList<double> peer)
    {
        if (ours.Count != peer.Count || ours.Count == 0) throw new ArgumentException($"Both sides need the same folds (AutoML {ours.Count}, peer {peer.Count}).");
        double[] differences = ours.Zip(peer, (a, b) => a - b).ToArray();
        double mean = differences.Average();
        double variance = differences.Length < 2 ? double.NaN : differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1);
        return new PairedDifference(mean, Math.Sqrt(variance / differences.Length),
            differences.Count(d => d > 0), differences.Count(d => d == 0), differences.Count(d => d < 0));
    }
}
