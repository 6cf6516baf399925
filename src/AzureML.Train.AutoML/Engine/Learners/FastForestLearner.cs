using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// ML.NET's FastForest random forest (azureml's RandomForest). Binary forests output summed tree votes, turned into
/// the share of positive votes; several classes train one calibrated forest per class.
/// </summary>
internal sealed class FastForestLearner : MLNetLearner
{
    public override string Name => "RandomForest";

    public override string Component(LearnerContext context) => context.Task == TaskKind.Regression ? nameof(FastForestRegressionTrainer)
        : context.IsBinary ? nameof(FastForestBinaryTrainer) : "OneVersusAll(FastForestBinaryTrainer)";

    public override bool Supports(TaskKind task) => true;

    public override double Cost(LearnerContext context, TrialConfig config) => TreeCost(context, config, 60, 8, 0.02);

    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("n_estimators", Domain.Integer(4, SizeLimit(context, 2048), log: true), 4),
        new Hyperparameter("num_leaves", Domain.Integer(4, SizeLimit(context), log: true), 4),
        new Hyperparameter("min_samples_leaf", Domain.Integer(1, 64, log: true), 2),
        new Hyperparameter("max_features", Domain.Real(0.1, 1), 1.0),
        new Hyperparameter("max_samples", Domain.Real(0.3, 1), 0.7));

    // A forest of full-grown trees over a share of the features at each split, as random forests are usually run.
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[]
    {
        Variant(context, ("n_estimators", Math.Min(64, SizeLimit(context, 2048))), ("num_leaves", Math.Min(64, SizeLimit(context))), ("min_samples_leaf", 1), ("max_features", 0.4)),
    };

    public override ScoreOutput Output(LearnerContext context, TrialConfig config)
        => context.IsBinary ? new ScoreOutput(ScoreOutputKind.ForestVotes, config.Int("n_estimators")) : base.Output(context, config);

    public override IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config)
    {
        int trees = config.Int("n_estimators"), leaves = config.Int("num_leaves"), minLeaf = config.Int("min_samples_leaf");
        double features = config.Real("max_features"), samples = config.Real("max_samples");
        string? weight = WeightColumn(context);
        if (context.Task == TaskKind.Regression)
        {
            return ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minLeaf, FeatureFractionPerSplit = features,
                BaggingExampleFraction = samples, NumberOfThreads = context.Threads, Seed = context.Seed, FeatureSelectionSeed = context.Seed,
                LabelColumnName = PipelineColumns.Label, FeatureColumnName = PipelineColumns.Features, ExampleWeightColumnName = weight,
            });
        }

        var binary = ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minLeaf, FeatureFractionPerSplit = features,
            BaggingExampleFraction = samples, NumberOfThreads = context.Threads, Seed = context.Seed, FeatureSelectionSeed = context.Seed,
            LabelColumnName = PipelineColumns.Label, FeatureColumnName = PipelineColumns.Features, ExampleWeightColumnName = weight,
        });
        return context.IsBinary ? binary : ml.MulticlassClassification.Trainers.OneVersusAll(binary, PipelineColumns.Label);
    }
}
