namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// One final-model option's <see cref="CrossFitting"/> estimate: its score on each half of the validated rows (every
/// halving both ways round, in the same order for every option; NaN where a half could not be scored) and their mean.
/// </summary>
internal sealed record CrossFittedEstimate(IReadOnlyList<double> HalfScores)
{
    /// <summary>The mean of the scored halves, NaN when none was scored.</summary>
    public double Mean => HalfScores.Where(s => !double.IsNaN(s)).DefaultIfEmpty(double.NaN).Average();

    /// <summary>
    /// The standard error of this estimate minus <paramref name="other"/>'s, by half-sampling (balanced repeated
    /// replication): the root mean square deviation of the per-half differences from their mean. The two halves of a
    /// halving each deviate from the difference on all the rows by about half their gap, so that mean square
    /// estimates the variance of the difference itself. NaN with fewer than two halves scored for both.
    /// </summary>
    public double StandardErrorOfDifference(CrossFittedEstimate other)
    {
        double[] differences = HalfScores.Zip(other.HalfScores, (a, b) => a - b).Where(d => !double.IsNaN(d)).ToArray();
        if (differences.Length < 2) return double.NaN;
        double mean = differences.Average();
        return Math.Sqrt(differences.Average(d => (d - mean) * (d - mean)));
    }
}
