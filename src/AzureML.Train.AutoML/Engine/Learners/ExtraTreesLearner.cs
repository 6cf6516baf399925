using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners.Trees;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// Extremely randomized trees (azureml's ExtremeRandomTrees, scikit-learn's ExtraTrees), grown by
/// <see cref="ExtraTreeBuilder"/>: ML.NET has no counterpart. Every tree sees all rows; randomness comes from the
/// features each split may use (an exact number of them, <c>max_features</c> as a share) and its random thresholds.
/// One forest predicts every class at once.
/// </summary>
internal sealed class ExtraTreesLearner : Learner
{
    public override string Name => "ExtremeRandomTrees";

    public override string Component(LearnerContext context) => context.Task == TaskKind.Regression ? "ExtraTreesRegressor" : "ExtraTreesClassifier";

    public override bool Supports(TaskKind task) => true;

    // Measured with 100 trees on 150 to 569 rows and 4 to 30 features: 8 to 16 ns per row, tried feature and tree
    // level (a tree has about log2(rows) levels), e.g. 42 ms for 299 rows × 12 features.
    public override double Cost(LearnerContext context, TrialConfig config)
    {
        int trees = config.Int("n_estimators");
        double tried = Math.Max(1, Math.Round(config.Real("max_features") * Math.Max(1, context.Features)));
        double levels = Math.Log2(Math.Max(2, context.Rows));
        double ms = 2 + (trees * context.Rows * tried * levels * PerRowFeatureLevelMs);
        return ms / CostUnitMilliseconds;
    }

    private const double PerRowFeatureLevelMs = 1.2e-5;

    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("n_estimators", Domain.Integer(4, SizeLimit(context, 2048), log: true), 4),
        new Hyperparameter("max_features", Domain.Real(0.1, 1), 1.0),
        new Hyperparameter("min_samples_leaf", Domain.Integer(1, 64, log: true), 1));

    /// <summary>
    /// scikit-learn's defaults (the square root of the features per split for classification, all of them for
    /// regression, leaves of one row), with up to 300 trees rather than 100: an average of more trees ranks rows with
    /// fewer ties and less noise.
    /// </summary>
    public override IReadOnlyList<TrialConfig> WarmStarts(LearnerContext context) => new[]
    {
        Variant(context, ("n_estimators", Math.Min(WarmStartTrees, SizeLimit(context, 2048))),
            ("max_features", context.Task == TaskKind.Regression ? 1.0 : Math.Clamp(1 / Math.Sqrt(Math.Max(1, context.Features)), 0.1, 1)), ("min_samples_leaf", 1)),
    };

    private const int WarmStartTrees = 300;

    public override TrainedModel Train(MLContext ml, LearnerContext context, TrialConfig config, IDataView features, CancellationToken cancellationToken)
    {
        float[][] x = LinearRegressionModel.ReadFeatures(features);
        (double[] targets, int width) = Targets(context, features);
        double[] weights = context.HasWeights ? features.GetColumn<float>(PipelineColumns.Weight).Select(v => (double)v).ToArray() : Enumerable.Repeat(1.0, x.Length).ToArray();
        int featureCount = x.Length == 0 ? 0 : x[0].Length;
        int maxFeatures = Math.Clamp((int)Math.Round(config.Real("max_features") * featureCount), 1, Math.Max(1, featureCount));
        var builder = new ExtraTreeBuilder(x, targets, width, weights, maxFeatures, config.Int("min_samples_leaf"));
        var trees = new DecisionTree[config.Int("n_estimators")];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Threads), CancellationToken = cancellationToken };
        Parallel.For(0, trees.Length, options, t => trees[t] = builder.Build(new Random(HashCode.Combine(context.Seed, t))));
        return new ForestModel(trees, width, context.Task == TaskKind.Classification);
    }

    // One-hot class vectors (class order) or the numeric target, row after row.
    private static (double[] Targets, int Width) Targets(LearnerContext context, IDataView features)
    {
        if (context.Task == TaskKind.Regression) return (features.GetColumn<float>(PipelineColumns.Label).Select(v => (double)v).ToArray(), 1);
        ClassLabels classes = context.Classes!;
        int[] index = classes.IsBinary
            ? features.GetColumn<bool>(PipelineColumns.Label).Select(positive => positive ? classes.PositiveIndex : 1 - classes.PositiveIndex).ToArray()
            : features.GetColumn<uint>(PipelineColumns.Label).Select(key => (int)key - 1).ToArray();
        var targets = new double[index.Length * classes.Count];
        for (int r = 0; r < index.Length; r++) targets[(r * classes.Count) + index[r]] = 1;
        return (targets, classes.Count);
    }
}
