using System.Globalization;
using AzureML.Core;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Local;

namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>
/// How well the engine chose its final model on one outer fold: the held-out score of the final model, of the trial
/// with the best cross-validated score, of the ensembles (chosen or not), of each learner's best trial by cross-validation, and of the trial that
/// scores best on the held-out rows (what a perfect choice among the trials would give). Printed with
/// <c>--selection true</c>; it loads every trial's model, which costs a few seconds per fold.
/// </summary>
internal static class SelectionReport
{
    /// <summary>The report's entries, with <paramref name="heldOut"/> scoring one fitted model on the held-out rows.</summary>
    /// <param name="trialsFile">When given, every trial's cross-validated and held-out score are appended to this tab-separated file.</param>
    public static IReadOnlyList<SelectionEntry> Of(AutoMLRun run, string metric, Func<FittedModel, double> heldOut, string? trialsFile)
    {
        List<Trial> trials = run.GetChildren()
            .Where(c => c.Properties.ContainsKey(ChildRunContract.Score) && !c.Properties.ContainsKey(ChildRunContract.EnsembledIterations))
            .Select(c => new Trial(int.Parse(c.Properties[ChildRunContract.Iteration], CultureInfo.InvariantCulture), c.Properties[ChildRunContract.Algorithm],
                double.Parse(c.Properties[ChildRunContract.Score], CultureInfo.InvariantCulture), c.Properties.GetValueOrDefault(ChildRunContract.Hyperparameters, "")))
            .Where(t => !double.IsNaN(t.CrossValidated))
            .OrderBy(t => MetricCatalog.Loss(metric, t.CrossValidated)).ThenBy(t => t.Iteration)
            .ToList();
        foreach (Trial trial in trials) trial.HeldOut = heldOut(run.GetOutput(iteration: trial.Iteration).FittedModel);
        if (trialsFile is not null) AppendTrials(trialsFile, run.Id, trials);

        var entries = new List<SelectionEntry>
        {
            new("final model", heldOut(run.GetOutput().FittedModel)),
            new("best trial by CV", trials[0].HeldOut),
            new("best trial on the held-out rows", trials.Select(t => t.HeldOut).Aggregate((a, b) => MetricCatalog.Compare(metric, a, b) >= 0 ? a : b)),
        };
        entries.AddRange(run.GetChildren().Where(c => c.Properties.ContainsKey(ChildRunContract.EnsembledIterations))
            .Select(c => new SelectionEntry(c.Properties[ChildRunContract.Algorithm], heldOut(run.GetOutput(iteration: int.Parse(c.Properties[ChildRunContract.Iteration], CultureInfo.InvariantCulture)).FittedModel))));
        entries.AddRange(trials.GroupBy(t => t.Algorithm, StringComparer.Ordinal).Select(g => new SelectionEntry($"best {g.Key} by CV", g.First().HeldOut, g.Count())));
        return entries;
    }

    /// <summary>How the engine chose the final model (the options' cross-fitted estimates) and what the final model is.</summary>
    public static string Choice(AutoMLRun run)
    {
        Run best = run.GetBestChild();
        return $"{run.Tags.GetValueOrDefault(ChildRunContract.BestChildSelectionTag, "no ensemble")} -> {best.Properties.GetValueOrDefault(ChildRunContract.PipelineSpec, best.Id)}";
    }

    private static void AppendTrials(string path, string runId, IEnumerable<Trial> trials)
    {
        if (!File.Exists(path)) File.WriteAllText(path, "run\titeration\talgorithm\tcv_score\theld_out_score\thyperparameters\n");
        File.AppendAllLines(path, trials.OrderBy(t => t.Iteration).Select(t => string.Join('\t', runId, t.Iteration.ToString(CultureInfo.InvariantCulture), t.Algorithm,
            t.CrossValidated.ToString("R", CultureInfo.InvariantCulture), t.HeldOut.ToString("R", CultureInfo.InvariantCulture), t.Hyperparameters)));
    }

    private sealed record Trial(int Iteration, string Algorithm, double CrossValidated, string Hyperparameters)
    {
        public double HeldOut { get; set; }
    }
}
