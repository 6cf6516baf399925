using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// Caruana et al.'s greedy ensemble selection with replacement, bagged: each bag draws half the candidates at
/// random, starts from the bag's best and repeatedly adds the bag's candidate (possibly one already in) whose
/// inclusion makes the averaged out-of-fold predictions score best, keeping the best ensemble seen. The bags'
/// ensembles are averaged. A single greedy pass over a few hundred out-of-fold rows fits their noise (it settles on
/// the two or three models that happen to agree with those rows); bagging the selection, as Caruana, Munson and
/// Niculescu-Mizil propose, spreads the weight over the models that help in most draws.
/// </summary>
internal static class CaruanaSelection
{
    public const int Rounds = 15;

    public const int Bags = 20;

    /// <summary>
    /// The models to select from: the <paramref name="top"/> best of <paramref name="ranked"/> (best first) and, for
    /// each learner (<paramref name="learner"/>) not among them, that learner's best. The top of one learner's local
    /// search are near-copies of one model whose lead over the other learners is partly the search's selection noise
    /// on a few hundred rows; the selection needs different models to average.
    /// </summary>
    public static IEnumerable<T> Candidates<T>(IReadOnlyList<T> ranked, Func<T, string> learner, int top = Rounds)
    {
        var included = new HashSet<string>(ranked.Take(top).Select(learner), StringComparer.Ordinal);
        return ranked.Take(top).Concat(ranked.Skip(top).Where(r => included.Add(learner(r))));
    }

    /// <summary>Picks members among <paramref name="candidates"/> (out-of-fold predictions), minimising <paramref name="loss"/>.</summary>
    /// <returns>The indexes of the chosen candidates and their weights (summing to 1), largest weight first.</returns>
    public static (int[] Members, double[] Weights) Select(IReadOnlyList<Predictions> candidates, Func<Predictions, double> loss, int seed, int rounds = Rounds, int bags = Bags)
    {
        if (candidates.Count == 0) throw new ArgumentException("No candidates.", nameof(candidates));
        double[] single = candidates.Select(loss).ToArray();
        int bagSize = Math.Min(candidates.Count, Math.Max(2, (candidates.Count + 1) / 2));
        var random = new Random(seed);
        var weights = new double[candidates.Count];
        int[] all = Enumerable.Range(0, candidates.Count).ToArray();
        for (int bag = 0; bag < bags; bag++)
        {
            random.Shuffle(all);
            int[] drawn = all[..bagSize];
            int[] counts = Greedy(candidates, drawn, single, loss, rounds);
            double chosen = counts.Sum();
            for (int i = 0; i < drawn.Length; i++) weights[drawn[i]] += counts[i] / chosen / bags;
        }

        int[] members = Enumerable.Range(0, candidates.Count).Where(i => weights[i] > 0)
            .OrderByDescending(i => weights[i]).ThenBy(i => single[i]).ThenBy(i => i).ToArray();
        double total = members.Sum(i => weights[i]);
        return (members, members.Select(i => weights[i] / total).ToArray());
    }

    // How often each of the drawn candidates is in the best ensemble seen during one greedy pass.
    private static int[] Greedy(IReadOnlyList<Predictions> candidates, int[] drawn, double[] single, Func<Predictions, double> loss, int rounds)
    {
        int first = Enumerable.Range(0, drawn.Length).OrderBy(i => single[drawn[i]]).ThenBy(i => drawn[i]).First();
        var counts = new int[drawn.Length];
        counts[first] = 1;
        var sum = (double[])candidates[drawn[first]].Values.Clone();
        int chosen = 1;
        double bestLoss = single[drawn[first]];
        int[] bestCounts = (int[])counts.Clone();
        var trial = new double[sum.Length];
        for (int round = 1; round < rounds; round++)
        {
            int pick = -1;
            double pickLoss = double.PositiveInfinity;
            for (int c = 0; c < drawn.Length; c++)
            {
                Predictions candidate = candidates[drawn[c]];
                double[] values = candidate.Values;
                for (int i = 0; i < trial.Length; i++) trial[i] = (sum[i] + values[i]) / (chosen + 1);
                double l = loss(new Predictions(candidate.Rows, candidate.Width, trial));
                if (l < pickLoss || (l == pickLoss && pick >= 0 && drawn[c] < drawn[pick]))
                {
                    pickLoss = l;
                    pick = c;
                }
            }

            if (pick < 0) break;
            counts[pick]++;
            chosen++;
            double[] added = candidates[drawn[pick]].Values;
            for (int i = 0; i < sum.Length; i++) sum[i] += added[i];
            if (pickLoss < bestLoss)
            {
                bestLoss = pickLoss;
                bestCounts = (int[])counts.Clone();
            }
        }

        return bestCounts;
    }
}
