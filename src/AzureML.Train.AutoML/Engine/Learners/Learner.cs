using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// One algorithm the engine searches: its azureml name, the tasks it handles, its search space with a
/// low-cost start, and how a configuration becomes an ML.NET trainer (always with explicit hyperparameters,
/// seed and thread count) reading <see cref="PipelineColumns.Features"/>.
/// </summary>
internal abstract class Learner
{
    /// <summary>The name azureml gives the algorithm (<c>run_algorithm</c>), e.g. <c>LightGBM</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Every azureml model name that selects this learner in allowedModels / blockedModels.</summary>
    public virtual IReadOnlyList<string> ModelNames => new[] { Name };

    /// <summary>The ML.NET component that trains, for descriptions (<c>LightGbmBinaryTrainer</c>).</summary>
    public abstract string Component(LearnerContext context);

    /// <summary>
    /// The cost of the starting configuration relative to LightGBM's; it orders the first round of trials
    /// (cheapest first) and scales <see cref="Cost"/>.
    /// </summary>
    public virtual double RelativeCost => 1;

    /// <summary>
    /// The work a configuration takes, in units of LightGBM's starting configuration. The search weighs
    /// improvements against this estimate rather than against measured time, so that a seed gives the same
    /// search on a busy machine as on an idle one.
    /// </summary>
    public virtual double Cost(LearnerContext context, TrialConfig config) => RelativeCost;

    /// <summary>The work of a tree ensemble: trees times leaves (relative to 4 x 4), once per class when one model is trained per class.</summary>
    protected double TreeCost(LearnerContext context, TrialConfig config)
        => RelativeCost * config.Int("n_estimators") * config.Int("num_leaves") / 16.0 * (context.IsMulticlass ? context.Classes!.Count : 1);

    public abstract bool Supports(TaskKind task);

    public abstract SearchSpace Space(LearnerContext context);

    /// <summary>The scaling in front of the learner (<c>run_preprocessor</c>), or <c>None</c>.</summary>
    public virtual string Preprocessor(TrialConfig config) => "None";

    /// <summary>The trainer (and scaler, if any) for a configuration.</summary>
    public abstract IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config);

    public virtual ScoreOutput Output(LearnerContext context, TrialConfig config)
        => context.Task == TaskKind.Regression ? ScoreOutput.Value : context.IsBinary ? ScoreOutput.Probability : ScoreOutput.ClassProbabilities;

    /// <summary>The upper end of size ranges (trees, leaves), following the data size as FLAML does.</summary>
    protected static int SizeLimit(LearnerContext context, int cap = 32768) => Math.Max(5, Math.Min(cap, context.Rows));

    protected static string? WeightColumn(LearnerContext context) => context.HasWeights ? PipelineColumns.Weight : null;
}
