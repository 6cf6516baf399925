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

    /// <summary>What LightGBM's starting configuration takes to train and predict once on a few hundred rows (ms): the cost unit.</summary>
    protected const double CostUnitMilliseconds = 6;

    /// <summary>The cost of the starting configuration; it orders the first round of trials (cheapest first).</summary>
    public double StartCost(LearnerContext context) => Cost(context, Space(context).Initial);

    /// <summary>
    /// The work a configuration takes, in units of LightGBM's starting configuration, from a model of the
    /// learner's measured fixed and per-tree costs. The search weighs improvements against this estimate rather
    /// than against measured time, so that a seed gives the same search on a busy machine as on an idle one.
    /// </summary>
    public abstract double Cost(LearnerContext context, TrialConfig config);

    /// <summary>The cost of a tree ensemble from its fixed, per-tree and per-leaf times (ms), times the classes when one model is trained per class.</summary>
    protected static double TreeCost(LearnerContext context, TrialConfig config, double fixedMs, double perTreeMs, double perLeafMs)
    {
        int trees = config.Int("n_estimators"), leaves = config.Int("num_leaves");
        double ms = fixedMs + (perTreeMs * trees) + (perLeafMs * trees * leaves);
        return ms / CostUnitMilliseconds * (context.IsMulticlass ? context.Classes!.Count : 1);
    }

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
