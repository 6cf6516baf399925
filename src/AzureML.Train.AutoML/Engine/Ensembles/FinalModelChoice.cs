using System.Globalization;
using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// The experiment's final model (azureml's best child) among the best trial and the ensembles: the one whose
/// <see cref="CrossFitting"/> estimate of the primary metric is best, the best trial among equals. Comparing the
/// iterations' own out-of-fold scores instead would mostly pick the best trial, whose score is the most inflated
/// by having been selected among many.
/// </summary>
internal sealed record FinalModelChoice(TrialOutcome? Best, string? Description)
{
    public static FinalModelChoice Choose(string metric, IReadOnlyList<FinalModelOption> options)
    {
        if (options.All(o => double.IsNaN(o.Estimate))) return new FinalModelChoice(null, null);
        FinalModelOption best = options[IndexOfBest(metric, options)];
        string Name(FinalModelOption o) => $"iteration {o.Outcome!.Iteration} {o.Outcome.Algorithm}" + (o.Rule is null ? "" : $" ({o.Rule})");
        string description = $"cross-fitted {metric}: " + string.Join(", ", options.Select(o => $"{Name(o)} {o.Estimate.ToString("0.0000", CultureInfo.InvariantCulture)}"));
        return new FinalModelChoice(best.Outcome, description);
    }

    /// <summary>The index of the option with the best estimate, the first among equals; NaN estimates never win.</summary>
    public static int IndexOfBest(string metric, IReadOnlyList<FinalModelOption> options)
    {
        int best = -1;
        for (int i = 0; i < options.Count; i++)
        {
            if (double.IsNaN(options[i].Estimate)) continue;
            if (best < 0 || MetricCatalog.Compare(metric, options[i].Estimate, options[best].Estimate) > 0) best = i;
        }

        return Math.Max(best, 0);
    }
}
