using System.Globalization;
using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// The experiment's final model (azureml's best child) among the best trial, the best first trial and the ensembles: the one whose
/// <see cref="CrossFitting"/> estimate of the primary metric is best, the best trial among equals. Comparing the
/// iterations' own out-of-fold scores instead would mostly pick the best trial, whose score is the most inflated
/// by having been selected among many. The description gives each option's estimate and, for the others, how far it
/// is from the chosen one with the standard error of that difference, so a reader sees how sure the choice was.
/// </summary>
internal sealed record FinalModelChoice(TrialOutcome? Best, string? Description)
{
    public static FinalModelChoice Choose(string metric, IReadOnlyList<FinalModelOption> options)
    {
        if (options.All(o => double.IsNaN(o.Estimate.Mean))) return new FinalModelChoice(null, null);
        FinalModelOption best = options[IndexOfBest(metric, options)];
        string description = $"cross-fitted {metric}: " + string.Join(", ", options.Select(o => Describe(o, best)));
        return new FinalModelChoice(best.Outcome, description);
    }

    /// <summary>The index of the option with the best estimate, the first among equals; NaN estimates never win.</summary>
    public static int IndexOfBest(string metric, IReadOnlyList<FinalModelOption> options)
    {
        int best = -1;
        for (int i = 0; i < options.Count; i++)
        {
            if (double.IsNaN(options[i].Estimate.Mean)) continue;
            if (best < 0 || MetricCatalog.Compare(metric, options[i].Estimate.Mean, options[best].Estimate.Mean) > 0) best = i;
        }

        return Math.Max(best, 0);
    }

    private static string Describe(FinalModelOption o, FinalModelOption best)
    {
        string text = $"iteration {o.Outcome!.Iteration} {o.Outcome.Algorithm}" + (o.Rule is null ? "" : $" ({o.Rule})") + " " + Number(o.Estimate.Mean);
        if (o == best || double.IsNaN(o.Estimate.Mean)) return text;
        double gap = o.Estimate.Mean - best.Estimate.Mean;
        return text + $" ({(gap < 0 ? "" : "+")}{Number(gap)} ± {Number(o.Estimate.StandardErrorOfDifference(best.Estimate))})";
    }

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
