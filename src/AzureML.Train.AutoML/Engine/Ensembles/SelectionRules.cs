using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>The rules the engine chooses its final model by: the best trial alone, or a voting ensemble.</summary>
internal static class SelectionRules
{
    /// <summary>How many learners, and how many trials of each, <see cref="EqualWeights"/> averages.</summary>
    public const int EqualWeightLearners = 3;

    /// <inheritdoc cref="EqualWeightLearners"/>
    public const int EqualWeightTrialsPerLearner = 3;

    /// <summary>The trial with the best out-of-fold score (azureml's best child without ensembles).</summary>
    public static Blend BestTrial(IReadOnlyList<TrialOutcome> ranked, Func<Predictions, double> loss) => new(new[] { ranked[0] }, new[] { 1.0 });

    /// <summary>How the final-model choice names <see cref="BestStart"/>.</summary>
    public const string BestStartName = "best start configuration";

    /// <summary>
    /// The best of each learner's first trial (its start configuration, proposed before any tuning). One pick among a
    /// handful of untuned configurations is barely inflated by the selection, so where a learner's start is already as
    /// good as its tuned trials (a linear model on a few hundred rows) this rule's estimate shows it.
    /// </summary>
    public static Blend BestStart(IReadOnlyList<TrialOutcome> ranked, Func<Predictions, double> loss)
    {
        var firsts = ranked.GroupBy(o => o.Algorithm, StringComparer.Ordinal).Select(g => g.MinBy(o => o.Iteration)!.Iteration).ToHashSet();
        return new Blend(new[] { ranked.First(o => firsts.Contains(o.Iteration)) }, new[] { 1.0 });
    }

    /// <summary>Caruana's bagged greedy ensemble selection over <see cref="CaruanaSelection.Candidates"/>.</summary>
    public static SelectionRule Caruana(int seed) => (ranked, loss) =>
    {
        List<TrialOutcome> candidates = CaruanaSelection.Candidates(ranked, o => o.Algorithm).ToList();
        (int[] members, double[] weights) = CaruanaSelection.Select(candidates.Select(c => c.OutOfFold).ToList(), loss, seed);
        return new Blend(members.Select(m => candidates[m]).ToList(), weights);
    };

    /// <summary>
    /// Equal weights over the <see cref="EqualWeightTrialsPerLearner"/> best trials of each of the
    /// <see cref="EqualWeightLearners"/> best learners. Nothing is fitted to the out-of-fold rows beyond the ranking,
    /// so on a few hundred rows this often generalizes better than weights the greedy selection tuned to those rows.
    /// </summary>
    public static Blend EqualWeights(IReadOnlyList<TrialOutcome> ranked, Func<Predictions, double> loss)
    {
        List<TrialOutcome> members = ranked.GroupBy(o => o.Algorithm, StringComparer.Ordinal)
            .Take(EqualWeightLearners)
            .SelectMany(g => g.Take(EqualWeightTrialsPerLearner))
            .ToList();
        return new Blend(members, members.Select(_ => 1.0 / members.Count).ToList());
    }
}
