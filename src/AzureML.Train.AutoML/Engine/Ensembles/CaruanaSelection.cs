using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// Caruana et al.'s greedy ensemble selection with replacement: start from the best model, then repeatedly add
/// the candidate (possibly one already in) whose inclusion makes the averaged out-of-fold predictions score
/// best, keeping the best ensemble seen. Weights are how often each model was chosen.
/// </summary>
internal static class CaruanaSelection
{
    public const int Rounds = 15;

    /// <summary>Picks members among <paramref name="candidates"/> (out-of-fold predictions), minimising <paramref name="loss"/>.</summary>
    /// <returns>The indexes of the chosen candidates and their weights (summing to 1), best candidate first.</returns>
    public static (int[] Members, double[] Weights) Select(IReadOnlyList<Predictions> candidates, Func<Predictions, double> loss, int rounds = Rounds)
    {
        if (candidates.Count == 0) throw new ArgumentException("No candidates.", nameof(candidates));
        double[] single = candidates.Select(loss).ToArray();
        int first = Enumerable.Range(0, candidates.Count).OrderBy(i => single[i]).ThenBy(i => i).First();
        var counts = new int[candidates.Count];
        counts[first] = 1;
        var sum = (double[])candidates[first].Values.Clone();
        int chosen = 1;
        double bestLoss = single[first];
        int[] bestCounts = (int[])counts.Clone();
        var trial = new double[sum.Length];
        for (int round = 1; round < rounds; round++)
        {
            int pick = -1;
            double pickLoss = double.PositiveInfinity;
            for (int c = 0; c < candidates.Count; c++)
            {
                double[] values = candidates[c].Values;
                for (int i = 0; i < trial.Length; i++) trial[i] = (sum[i] + values[i]) / (chosen + 1);
                double l = loss(new Predictions(candidates[c].Rows, candidates[c].Width, trial));
                if (l < pickLoss)
                {
                    pickLoss = l;
                    pick = c;
                }
            }

            if (pick < 0) break;
            counts[pick]++;
            chosen++;
            double[] added = candidates[pick].Values;
            for (int i = 0; i < sum.Length; i++) sum[i] += added[i];
            if (pickLoss < bestLoss)
            {
                bestLoss = pickLoss;
                bestCounts = (int[])counts.Clone();
            }
        }

        int total = bestCounts.Sum();
        int[] members = Enumerable.Range(0, candidates.Count).Where(i => bestCounts[i] > 0)
            .OrderByDescending(i => bestCounts[i]).ThenBy(i => single[i]).ThenBy(i => i).ToArray();
        return (members, members.Select(i => (double)bestCounts[i] / total).ToArray());
    }
}
