using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners.Trees;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// A forest the engine grows itself with <see cref="TreeBuilder"/> (ML.NET's forests draw a varying share of the
/// features at each split and fit one forest per class). Its space: the trees, the share of features a split may
/// choose among (<c>max_features</c>, an exact count at every split) and the smallest leaf; one forest predicts
/// every class at once and is exported as one ONNX tree ensemble.
/// </summary>
internal abstract class ForestLearner : Learner
{
    /// <summary>How the trees place a tried feature's threshold.</summary>
    protected abstract SplitRule Rule { get; }

    /// <summary>Whether each tree sees a bootstrap sample of the rows rather than all of them.</summary>
    protected abstract bool Bootstrap { get; }

    /// <summary>scikit-learn's class name for the task, for descriptions.</summary>
    protected abstract string ScikitLearnName(TaskKind task);

    public override string Component(LearnerContext context) => ScikitLearnName(context.Task);

    public override bool Supports(TaskKind task) => true;

    /// <summary>The time (ms) a split takes for each of its rows and tried features: a random threshold only scans them; the best one sorts them.</summary>
    protected abstract double PerRowFeatureMs { get; }

    // A tree's work: every level weighs each of its rows against every tried feature, and every node costs a little
    // more (drawing features, partitioning rows, storing the node). Fitted to 128 fits of both forests on 150 to 569
    // rows (20 to 300 trees, 10 % to all features tried, leaves of 1 to 16 rows), given the nodes they grew: per node
    // 0.42 µs, per row, tried feature and level 67 ns (best thresholds) or 8.5 ns (random ones); within 0.8× to 1.5× of
    // the measured time for 80 % of the fits. Before training, a tree is taken to split until its leaves hold the
    // smallest leaf's rows; classification trees stop sooner, at pure leaves, and are measured once trained.
    public override double FitMilliseconds(LearnerContext context, TrialConfig config, TrainedModel? trained)
    {
        int trees = config.Int("n_estimators");
        double rows = context.Rows * (Bootstrap ? BootstrapShare : 1);
        double tried = Math.Max(1, Math.Round(config.Real("max_features") * Math.Max(1, context.Features)));
        double nodes = trained is ForestModel forest ? forest.NodesPerTree : Math.Max(1, (2 * rows / config.Int("min_samples_leaf")) - 1);
        double levels = Math.Log2(Math.Max(2, nodes / 2));
        return trees * ((PerRowFeatureMs * rows * tried * levels) + (PerNodeMs * nodes));
    }

    private const double PerNodeMs = 4.2e-4;

    // The share of distinct rows in a bootstrap sample as large as the data: 1 - 1/e.
    private const double BootstrapShare = 0.632;

    public override SearchSpace Space(LearnerContext context) => new(
        new Hyperparameter("n_estimators", Domain.Integer(4, SizeLimit(context, 2048), log: true), 4),
        new Hyperparameter("max_features", Domain.Real(0.1, 1), 1.0),
        new Hyperparameter("min_samples_leaf", Domain.Integer(1, 64, log: true), 1));

    /// <summary>A forest of up to <paramref name="trees"/> trees with a leaf size and a share of the features per split.</summary>
    protected TrialConfig Forest(LearnerContext context, int trees, double featureShare, int leafRows) => Variant(context,
        ("n_estimators", Math.Min(trees, SizeLimit(context, 2048))), ("max_features", Math.Clamp(featureShare, 0.1, 1)), ("min_samples_leaf", leafRows));

    /// <summary>scikit-learn's share of features per split: the square root of their count for classification, all for regression.</summary>
    protected static double DefaultFeatureShare(LearnerContext context)
        => context.Task == TaskKind.Regression ? 1.0 : 1 / Math.Sqrt(Math.Max(1, context.Features));

    /// <summary>The warm starts' trees: three times scikit-learn's 100, as an average of more trees ranks rows with fewer ties and less noise.</summary>
    protected const int WarmStartTrees = 300;

    public override TrainedModel Train(MLContext ml, LearnerContext context, TrialConfig config, IDataView features, CancellationToken cancellationToken)
    {
        float[][] x = LinearRegressionModel.ReadFeatures(features);
        (double[] targets, int width) = Targets(context, features);
        double[] weights = context.HasWeights ? features.GetColumn<float>(PipelineColumns.Weight).Select(v => (double)v).ToArray() : Enumerable.Repeat(1.0, x.Length).ToArray();
        int featureCount = x.Length == 0 ? 0 : x[0].Length;
        int maxFeatures = Math.Clamp((int)Math.Round(config.Real("max_features") * featureCount), 1, Math.Max(1, featureCount));
        var builder = new TreeBuilder(x, targets, width, weights, maxFeatures, config.Int("min_samples_leaf"), Rule, Bootstrap);
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
