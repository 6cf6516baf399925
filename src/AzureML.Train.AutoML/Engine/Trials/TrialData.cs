using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Featurization;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Validation;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Trials;

/// <summary>
/// Everything trials share: the data, the featurizer plan, the folds featurized once, the featurized refit rows
/// (after cross-validation) and the truth of the validated rows in out-of-fold order.
/// </summary>
internal sealed class TrialData
{
    private TrialData(TrainingData data, FeaturizerPlan plan, FoldPlan folds, IReadOnlyList<FeaturizedFold> featurized, FeaturizedFold? refit)
    {
        Data = data;
        Plan = plan;
        Folds = folds;
        Featurized = featurized;
        Refit = refit;
        ValidatedRows = folds.ValidatedRows;
        FoldOffsets = new int[folds.Folds.Count + 1];
        for (int f = 0; f < folds.Folds.Count; f++) FoldOffsets[f + 1] = FoldOffsets[f] + folds.Folds[f].Valid.Length;
        Repeats = Enumerable.Range(0, folds.Folds.Count / folds.FoldsPerRepeat)
            .Select(r => (FoldOffsets[r * folds.FoldsPerRepeat], FoldOffsets[(r + 1) * folds.FoldsPerRepeat] - FoldOffsets[r * folds.FoldsPerRepeat]))
            .ToArray();
        if (data.Task == TaskKind.Regression)
        {
            IEnumerable<double> trainingTargets = data.Targets.Take(data.TrainingRowCount);
            TargetMin = trainingTargets.Min();
            TargetMax = trainingTargets.Max();
        }
    }

    public TrainingData Data { get; }

    public FeaturizerPlan Plan { get; }

    public FoldPlan Folds { get; }

    public IReadOnlyList<FeaturizedFold> Featurized { get; }

    /// <summary>The featurized training rows a final model is refit on, or null when fold 0's model is final.</summary>
    public FeaturizedFold? Refit { get; }

    /// <summary>The validated rows in out-of-fold order.</summary>
    public int[] ValidatedRows { get; }

    /// <summary>Where each fold's rows start in out-of-fold order (one more entry than folds).</summary>
    public int[] FoldOffsets { get; }

    /// <summary>The span of out-of-fold order each repeat of the cross-validation fills (one span without repeats).</summary>
    public IReadOnlyList<(int Start, int Length)> Repeats { get; }

    /// <summary>The target range of the training rows (regression), which normalized errors divide by.</summary>
    public double TargetMin { get; }

    public double TargetMax { get; }

    /// <summary>How long featurizing every fold took (shared by all trials).</summary>
    public TimeSpan FeaturizationTime => Featurized.Concat(Refit is null ? [] : [Refit]).Aggregate(TimeSpan.Zero, (sum, f) => sum + f.Duration);

    /// <summary>The featurizer and feature view final models are trained on.</summary>
    public FeaturizedFold Final => Refit ?? Featurized[0];

    public static TrialData Prepare(TrainingData data, FoldPlan folds, bool featurize, int seed, CancellationToken cancellationToken)
    {
        var plan = FeaturizerPlan.Create(new PipelineColumns(data), featurize);
        var ml = new MLContext(seed);
        var featurized = new List<FeaturizedFold>(folds.Folds.Count);
        foreach (Fold fold in folds.Folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            featurized.Add(FeaturizedFold.Fit(ml, plan, fold.Train, fold.Valid));
        }

        FeaturizedFold? refit = folds.RefitRows is { } rows ? FeaturizedFold.Fit(ml, plan, rows, null) : null;
        return new TrialData(data, plan, folds, featurized, refit);
    }

    /// <summary>
    /// The metrics of out-of-fold predictions: scalars averaged over folds (as azureml does), tables over the rows
    /// of the first repeat (each row once, so confusion matrices count the training rows).
    /// </summary>
    public MetricResult Evaluate(Predictions outOfFold)
    {
        (int start, int length) = Repeats[0];
        Predictions once = outOfFold.Select(Enumerable.Range(start, length).ToArray());
        int[] rows = ValidatedRows[start..(start + length)];
        IReadOnlyList<MetricTable> tables = Data.Classes is { } classes
            ? ClassificationMetrics.Tables(once, rows.Select(r => Data.ClassIndex[r]).ToArray(), classes)
            : RegressionMetrics.Tables(once, rows.Select(r => Data.Targets[r]).ToArray());
        return new MetricResult(FoldAverages(outOfFold), tables);
    }

    /// <summary>
    /// One metric of out-of-fold predictions, averaged over folds; with <paramref name="positions"/>, only over the
    /// out-of-fold positions it marks (each fold scored on its marked rows).
    /// </summary>
    public double Score(Predictions outOfFold, string metric, bool[]? positions = null) => FoldAverages(outOfFold, positions, metric)[metric];

    // Every metric, or with `needed` at least that one.
    private Dictionary<string, double> FoldAverages(Predictions outOfFold, bool[]? positions = null, string? needed = null)
    {
        var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        for (int f = 0; f < Folds.Folds.Count; f++)
        {
            int[] kept = Enumerable.Range(FoldOffsets[f], FoldOffsets[f + 1] - FoldOffsets[f]).Where(i => positions is null || positions[i]).ToArray();
            if (kept.Length == 0) continue;
            int[] rows = kept.Select(i => ValidatedRows[i]).ToArray();
            Predictions foldPredictions = outOfFold.Select(kept);
            foreach ((string name, double value) in Scalars(foldPredictions, rows, needed))
            {
                if (double.IsNaN(value)) continue;
                (double sum, int count) = sums.GetValueOrDefault(name);
                sums[name] = (sum + value, count + 1);
            }
        }

        return MetricCatalog.All(Data.Task, Data.IsBinary)
            .ToDictionary(n => n, n => sums.TryGetValue(n, out var s) ? s.Sum / s.Count : double.NaN, StringComparer.Ordinal);
    }

    private Dictionary<string, double> Scalars(Predictions predictions, int[] rows, string? needed)
    {
        float[] weights = Data.Weights is null ? Array.Empty<float>() : rows.Select(r => Data.Weights[r]).ToArray();
        return Data.Classes is { } classes
            ? ClassificationMetrics.Compute(predictions, rows.Select(r => Data.ClassIndex[r]).ToArray(), weights, classes, needed)
            : RegressionMetrics.Compute(predictions, rows.Select(r => Data.Targets[r]).ToArray(), weights, TargetMin, TargetMax);
    }
}
