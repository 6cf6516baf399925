using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// LightGBM, the workhorse. The space follows FLAML's: trees and leaves start at 4 and grow, with learning rate,
/// minimum leaf size, bins, column sampling and L1/L2 regularisation. Multiclass uses softmax; categorical
/// splits stay off (ONNX Runtime cannot load them).
/// </summary>
internal sealed class LightGbmLearner : MLNetLearner
{
    public override string Name => "LightGBM";

    public override string Component(LearnerContext context) => context.Task == TaskKind.Regression ? nameof(LightGbmRegressionTrainer)
        : context.IsBinary ? nameof(LightGbmBinaryTrainer) : nameof(LightGbmMulticlassTrainer);

    public override bool Supports(TaskKind task) => true;

    // Fitted to 64 random configurations on 150 to 569 rows: 15 ns per row and sampled feature and 1.1 µs per leaf,
    // per tree; within 0.3× to 1.9× of the measured time for 80 % of them.
    public override double FitMilliseconds(LearnerContext context, TrialConfig config, TrainedModel? trained)
        => BoostingMilliseconds(context, config, (1.1, 0, 1.5e-5, 1.1e-3), "colsample_bytree", "min_child_samples");

    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("n_estimators", Domain.Integer(4, SizeLimit(context), log: true), 4),
        new Hyperparameter("num_leaves", Domain.Integer(4, SizeLimit(context), log: true), 4),
        new Hyperparameter("min_child_samples", Domain.Integer(2, 128, log: true), 20),
        new Hyperparameter("learning_rate", Domain.Real(1.0 / 1024, 1, log: true), 0.1),
        new Hyperparameter("log_max_bin", Domain.Integer(3, 10), 8),
        new Hyperparameter("colsample_bytree", Domain.Real(0.01, 1), 1.0),
        new Hyperparameter("reg_alpha", Domain.Real(1.0 / 1024, 1024, log: true), 1.0 / 1024),
        new Hyperparameter("reg_lambda", Domain.Real(1.0 / 1024, 1024, log: true), 1.0));

    // Many small trees slowly, and a few larger ones: gradient boosting's usual good region on small and mid-sized data.
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[]
    {
        Variant(context, ("n_estimators", Math.Min(300, SizeLimit(context))), ("num_leaves", 4), ("learning_rate", 0.03), ("colsample_bytree", 0.7)),
        Variant(context, ("n_estimators", Math.Min(100, SizeLimit(context))), ("num_leaves", Math.Min(16, SizeLimit(context))), ("min_child_samples", 10), ("learning_rate", 0.05),
            ("colsample_bytree", 0.8)),
    };

    public override IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config)
    {
        var booster = new GradientBooster.Options
        {
            FeatureFraction = config.Real("colsample_bytree"),
            L1Regularization = config.Real("reg_alpha"),
            L2Regularization = config.Real("reg_lambda"),
        };
        int trees = config.Int("n_estimators");
        int leaves = config.Int("num_leaves");
        int minLeaf = config.Int("min_child_samples");
        double rate = config.Real("learning_rate");
        int bins = (1 << config.Int("log_max_bin")) - 1;
        switch (context.Task)
        {
            case TaskKind.Regression:
                return ml.Regression.Trainers.LightGbm(Fill(new LightGbmRegressionTrainer.Options(), context, booster, trees, leaves, minLeaf, rate, bins));
            case TaskKind.Classification when context.IsBinary:
                return ml.BinaryClassification.Trainers.LightGbm(Fill(new LightGbmBinaryTrainer.Options(), context, booster, trees, leaves, minLeaf, rate, bins));
            default:
                LightGbmMulticlassTrainer.Options multi = Fill(new LightGbmMulticlassTrainer.Options(), context, booster, trees, leaves, minLeaf, rate, bins);
                multi.UseSoftmax = true;
                return ml.MulticlassClassification.Trainers.LightGbm(multi);
        }
    }

    // The three option classes share these fields through LightGbmTrainerBase<...>.OptionsBase, whose type
    // arguments differ per task; they are inferred from the options instance.
    private static TOptions Fill<TOptions, TOutput, TTransformer, TModel>(LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase options,
        LearnerContext context, GradientBooster.Options booster, int trees, int leaves, int minLeaf, double rate, int bins)
        where TOptions : LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase, new()
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
    {
        options.NumberOfIterations = trees;
        options.NumberOfLeaves = leaves;
        options.MinimumExampleCountPerLeaf = minLeaf;
        options.LearningRate = rate;
        options.MaximumBinCountPerFeature = bins;
        options.Booster = booster;
        options.UseCategoricalSplit = false;
        options.Seed = context.Seed;
        options.NumberOfThreads = context.Threads;
        options.Silent = true;
        options.Verbose = false;
        options.LabelColumnName = PipelineColumns.Label;
        options.FeatureColumnName = PipelineColumns.Features;
        options.ExampleWeightColumnName = WeightColumn(context);
        return (TOptions)options;
    }
}
