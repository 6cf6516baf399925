using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>ML.NET's FastTree gradient boosting (azureml's GradientBoosting); several classes train one boosted model per class.</summary>
internal sealed class FastTreeLearner : TreeEnsembleLearner
{
    public override string Name => "GradientBoosting";

    protected override string RegressionTrainer => nameof(FastTreeRegressionTrainer);

    protected override string BinaryTrainer => nameof(FastTreeBinaryTrainer);

    // Fitted to 60 random configurations on 150 to 569 rows: 21 ms to start, then per tree 20 µs, 39 ns per row and
    // sampled feature and 14 µs per leaf; within 0.5× to 2.1× of the measured time for 80 % of them.
    public override double FitMilliseconds(LearnerContext context, TrialConfig config, TrainedModel? trained)
        => BoostingMilliseconds(context, config, (21, 0.02, 3.9e-5, 0.014), "max_features", "min_samples_leaf");

    // FastTree boosts regression from zero, not from the mean: its start needs enough trees and rate to reach the
    // target's level, or every first score is hopeless.
    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("n_estimators", Domain.Integer(4, SizeLimit(context, 4096), log: true), context.Task == TaskKind.Regression ? 16 : 4),
        new Hyperparameter("num_leaves", Domain.Integer(4, SizeLimit(context, 1024), log: true), 4),
        new Hyperparameter("min_samples_leaf", Domain.Integer(1, 128, log: true), 10),
        new Hyperparameter("learning_rate", Domain.Real(1.0 / 256, 1, log: true), context.Task == TaskKind.Regression ? 0.3 : 0.1),
        new Hyperparameter("max_features", Domain.Real(0.1, 1), 1.0));

    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[]
    {
        Variant(context, ("n_estimators", Math.Min(100, SizeLimit(context, 4096))), ("num_leaves", Math.Min(16, SizeLimit(context, 1024))), ("learning_rate", 0.1), ("max_features", 0.8)),
    };

    public override IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config) => context.Task == TaskKind.Regression
        ? ml.Regression.Trainers.FastTree(Options<FastTreeRegressionTrainer.Options>(context, config))
        : PerClass(ml, context, ml.BinaryClassification.Trainers.FastTree(Options<FastTreeBinaryTrainer.Options>(context, config)));

    private static TOptions Options<TOptions>(LearnerContext context, TrialConfig config)
        where TOptions : BoostedTreeOptions, new()
    {
        TOptions options = TreeOptions<TOptions>(context, config);
        options.LearningRate = config.Real("learning_rate");
        options.FeatureFraction = config.Real("max_features");
        return options;
    }
}
