using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// ML.NET's FastForest random forest (azureml's RandomForest). Binary forests output summed tree votes, turned into
/// the share of positive votes; several classes train one calibrated forest per class.
/// </summary>
internal sealed class FastForestLearner : TreeEnsembleLearner
{
    public override string Name => "RandomForest";

    protected override string RegressionTrainer => nameof(FastForestRegressionTrainer);

    protected override string BinaryTrainer => nameof(FastForestBinaryTrainer);

    public override double Cost(LearnerContext context, TrialConfig config) => TreeCost(context, config, 60, 8, 0.02);

    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("n_estimators", Domain.Integer(4, SizeLimit(context, 2048), log: true), 4),
        new Hyperparameter("num_leaves", Domain.Integer(4, SizeLimit(context), log: true), 4),
        new Hyperparameter("min_samples_leaf", Domain.Integer(1, 64, log: true), 2),
        new Hyperparameter("max_features", Domain.Real(0.1, 1), 1.0),
        new Hyperparameter("max_samples", Domain.Real(0.3, 1), 0.7));

    // Two random forests as they are usually run (scikit-learn's defaults): a square root share of the features at
    // each split and about the share of distinct rows a bootstrap sample holds — but up to 300 trees rather than
    // 100: a binary forest's probability is its vote share, and more votes rank rows with fewer ties and less noise,
    // which is what AUC measures. One grows the trees fully; the other stops at leaves of 10 rows. ML.NET's forest
    // draws each tree's rows without replacement, so a fully grown tree fits its rows more closely than a bootstrap
    // tree does; on a few hundred rows the larger leaves rank held-out rows better (heart failure: AUC 0.910 against
    // 0.882 on the same folds), on others the full trees do (breast cancer: 0.989 against 0.987). Cross-validation
    // chooses between them.
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[] { Forest(context, 1), Forest(context, SmoothedLeafRows) };

    private TrialConfig Forest(LearnerContext context, int leafRows) => Variant(context,
        ("n_estimators", Math.Min(WarmStartTrees, SizeLimit(context, 2048))), ("num_leaves", SizeLimit(context)), ("min_samples_leaf", leafRows),
        ("max_features", Math.Clamp(1 / Math.Sqrt(Math.Max(1, context.Features)), 0.1, 1)), ("max_samples", BootstrapShare));

    private const int SmoothedLeafRows = 10;

    private const int WarmStartTrees = 300;

    /// <summary>The expected share of distinct rows in a bootstrap sample (1 − 1/e).</summary>
    private const double BootstrapShare = 0.632;

    public override ScoreOutput Output(LearnerContext context, TrialConfig config)
        => context.IsBinary ? new ScoreOutput(ScoreOutputKind.ForestVotes, config.Int("n_estimators")) : base.Output(context, config);

    public override IEstimator<ITransformer> Estimator(MLContext ml, LearnerContext context, TrialConfig config) => context.Task == TaskKind.Regression
        ? ml.Regression.Trainers.FastForest(Options<FastForestRegressionTrainer.Options>(context, config))
        : PerClass(ml, context, ml.BinaryClassification.Trainers.FastForest(Options<FastForestBinaryTrainer.Options>(context, config)));

    private static TOptions Options<TOptions>(LearnerContext context, TrialConfig config)
        where TOptions : TreeOptions, new()
    {
        TOptions options = TreeOptions<TOptions>(context, config);
        // ML.NET's forests also hide 30 % of the features from each whole tree by default; a random forest draws
        // features only at each split (max_features), so every tree sees them all.
        options.FeatureFraction = 1;
        options.FeatureFractionPerSplit = config.Real("max_features");
        options.BaggingExampleFraction = config.Real("max_samples");
        return options;
    }
}
