using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// One algorithm the engine searches: its azureml name, the tasks it handles, its search space with a
/// low-cost start, and how it trains a configuration on featurized rows (<see cref="PipelineColumns.Features"/>).
/// </summary>
internal abstract class Learner
{
    /// <summary>The name azureml gives the algorithm (<c>run_algorithm</c>), e.g. <c>LightGBM</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Every azureml model name that selects this learner in allowedModels / blockedModels.</summary>
    public virtual IReadOnlyList<string> ModelNames => new[] { Name };

    /// <summary>The ML.NET component that trains, for descriptions (<c>LightGbmBinaryTrainer</c>).</summary>
    public abstract string Component(LearnerContext context);

    /// <summary>The cost unit, in milliseconds of one thread.</summary>
    protected const double CostUnitMilliseconds = 6;

    /// <summary>
    /// A trial's work beside its fits, per fit: scoring the fold, its metrics and the export. Measured by the AutoML
    /// benchmark as 15 to 25 ms per trial of five folds and a refit.
    /// </summary>
    private const double PerFitOverheadMs = 3;

    /// <summary>The cost of the starting configuration; it orders the first round of trials (cheapest first).</summary>
    public double StartCost(LearnerContext context) => Cost(context, Space(context).Initial);

    /// <summary>
    /// The work a configuration takes, in <see cref="CostUnitMilliseconds"/>, from a model of the learner's measured
    /// fit time on the context's rows and features with one thread (each learner's model was fitted to fits of random
    /// configurations on the four benchmark data sets), plus the trial's work beside the fit. The search weighs
    /// improvements against this estimate rather than against measured time, so that a seed gives the same search on a
    /// busy machine as on an idle one; the learners' models must agree with each other, as the search compares them.
    /// </summary>
    public double Cost(LearnerContext context, TrialConfig config) => (FitMilliseconds(context, config, null) + PerFitOverheadMs) / CostUnitMilliseconds;

    /// <summary>
    /// <see cref="Cost(LearnerContext, TrialConfig)"/> once the configuration is trained: a learner whose work depends on
    /// what the fit grew (a forest's nodes) reads it from <paramref name="trained"/>. Still the same for a seed.
    /// </summary>
    public double Cost(LearnerContext context, TrialConfig config, TrainedModel trained) => (FitMilliseconds(context, config, trained) + PerFitOverheadMs) / CostUnitMilliseconds;

    /// <summary>The modelled time (ms, one thread) of one fit of <paramref name="config"/>, from what it grew when <paramref name="trained"/> is given.</summary>
    public abstract double FitMilliseconds(LearnerContext context, TrialConfig config, TrainedModel? trained);

    /// <summary>
    /// A boosted tree ensemble's fit: a fixed part, then per tree (per class when one tree per class is grown each
    /// round) a part, one for every row and sampled feature (the histograms) and one for every leaf the minimum leaf
    /// size allows.
    /// </summary>
    protected static double BoostingMilliseconds(LearnerContext context, TrialConfig config, (double Fixed, double PerTree, double PerRowFeature, double PerLeaf) ms,
        string featureShare, string minimumLeaf)
    {
        double trees = config.Int("n_estimators") * ClassFactor(context);
        double leaves = Math.Min(config.Int("num_leaves"), Math.Max(1.0, context.Rows / (double)Math.Max(1, config.Int(minimumLeaf))));
        double rowFeatures = context.Rows * Math.Max(1, context.Features) * config.Real(featureShare);
        return ms.Fixed + (trees * (ms.PerTree + (ms.PerRowFeature * rowFeatures) + (ms.PerLeaf * leaves)));
    }

    /// <summary>A linear model's fit: a fixed part and one for every row, feature and class.</summary>
    protected static double LinearMilliseconds(LearnerContext context, double fixedMs, double perRowFeatureMs)
        => fixedMs + (perRowFeatureMs * context.Rows * Math.Max(1, context.Features) * ClassFactor(context));

    // Multiclass models fit one set of weights (or one tree a round) per class.
    private static int ClassFactor(LearnerContext context) => context.IsMulticlass ? context.Classes!.Count : 1;

    public abstract bool Supports(TaskKind task);

    public abstract SearchSpace Space(LearnerContext context);

    /// <summary>Configurations that do well on many tabular data sets, tried after the low-cost start (none by default).</summary>
    public virtual IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => Array.Empty<TrialConfig>();

    /// <summary>The starting configuration with some values changed.</summary>
    protected TrialConfig Variant(LearnerContext context, params (string Name, object Value)[] changes)
    {
        TrialConfig initial = Space(context).Initial;
        string? unknown = changes.Select(c => c.Name).FirstOrDefault(name => initial.Values.All(v => v.Name != name));
        if (unknown is not null) throw new ArgumentException($"{Name} has no hyperparameter '{unknown}'.", nameof(changes));
        return new(initial.Values.Select(v => changes.FirstOrDefault(c => c.Name == v.Name) is { Name: not null } change ? (v.Name, change.Value) : v));
    }

    /// <summary>The scaling in front of the learner (<c>run_preprocessor</c>), or <c>None</c>.</summary>
    public virtual string Preprocessor(TrialConfig config) => "None";

    /// <summary>
    /// Trains a configuration on featurized rows (label, features and weights in <see cref="PipelineColumns"/>' names).
    /// ML.NET trainers stop through their <paramref name="ml"/> context; others watch <paramref name="cancellationToken"/>.
    /// </summary>
    public abstract TrainedModel Train(MLContext ml, LearnerContext context, TrialConfig config, IDataView features, CancellationToken cancellationToken);

    /// <summary>The upper end of size ranges (trees, leaves), following the data size as FLAML does.</summary>
    protected static int SizeLimit(LearnerContext context, int cap = 32768) => Math.Max(5, Math.Min(cap, context.Rows));

    protected static string? WeightColumn(LearnerContext context) => context.HasWeights ? PipelineColumns.Weight : null;
}
