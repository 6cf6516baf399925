using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Learners;

[TestFixture]
public class ForestLearnerTests
{
    private static readonly string[] Forests = { "ExtremeRandomTrees", "RandomForest" };

    private static Learner Forest(string name) => LearnerCatalog.For(TaskKind.Classification).Single(l => l.Name == name);

    [TestCaseSource(nameof(Forests))]
    public void Train_EveryFeatureAtEverySplit_SplitsOnTheDecidingColumn(string name)
    {
        // Arrange: one column decides among three classes; nine columns are noise. Trying every feature at every
        // split, a threshold of the deciding column between two classes (any random one, or the best) separates a
        // class perfectly, which no noise split does; rows a bootstrap sample left out fall on the right side too.
        Learner learner = Forest(name);
        const int rows = 150;
        int[] label = Enumerable.Range(0, rows).Select(r => r % 3).ToArray();
        DataFrame frame = EngineFixtures.DecidingColumnAndNoise(label.Select(l => l * 10.0).ToList(), DataFrameColumn.OfString("label", label.Select(l => "class" + l)));
        TrainingData data = EngineFixtures.Build(frame, TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        TrialConfig config = EngineFixtures.Grown(learner.Space(EngineFixtures.Context(shared)), ("n_estimators", 20), ("max_features", 1.0), ("min_samples_leaf", 1));

        // Act
        TrialResult trial = TrialRunner.Run(shared, learner, config, EngineFixtures.Context(shared), CancellationToken.None);
        Predictions predictions = TrialExporter.PredictInProcess(shared, trial, Enumerable.Range(0, rows).ToArray());

        // Assert: every tree puts each row in a leaf of its own class only.
        int[] expected = label.Select(l => data.Classes!.Classes.ToList().IndexOf("class" + l)).ToArray();
        Assert.That(Enumerable.Range(0, rows).Select(r => predictions[r, expected[r]]), Is.All.EqualTo(1).Within(1e-9));
        Assert.That(trial.Metrics["AUC_weighted"], Is.EqualTo(1), "held-out folds are separated too");
    }

    [Test]
    public void Train_ExtraTreesWithLeavesLargerThanHalfTheRows_PredictsTheWeightedMean()
    {
        // Arrange: with leaves of at least 64 rows, 100 rows cannot be split; the one leaf is the weighted mean.
        const int rows = 100;
        double[] target = Enumerable.Range(0, rows).Select(r => (double)r).ToArray();
        double[] weight = Enumerable.Range(0, rows).Select(r => r < 50 ? 1.0 : 3.0).ToArray();
        var frame = new DataFrame(new List<DataFrameColumn>
        {
            DataFrameColumn.OfDouble("x", target.Select(t => (double?)t)),
            DataFrameColumn.OfDouble("w", weight.Select(w => (double?)w)),
            DataFrameColumn.OfDouble("y", target.Select(t => (double?)t)),
        });
        TrainingData data = TrainingDataBuilder.Build(new TrainingDataBuilder.Request
        {
            Training = frame,
            Task = TaskKind.Regression,
            LabelColumn = "y",
            WeightColumn = "w",
            Featurization = FeaturizationSettings.Auto,
        });
        TrialData shared = EngineFixtures.Prepare(data);
        var learner = new ExtraTreesLearner();
        LearnerContext context = EngineFixtures.Context(shared);
        TrialConfig config = EngineFixtures.Grown(learner.Space(context), ("n_estimators", 5), ("min_samples_leaf", 64));

        // Act
        TrialResult trial = TrialRunner.Run(shared, learner, config, context, CancellationToken.None);
        Predictions predictions = TrialExporter.PredictInProcess(shared, trial, new[] { 0, 99 });

        // Assert
        double mean = target.Zip(weight, (t, w) => t * w).Sum() / weight.Sum();
        Assert.That(new[] { predictions[0, 0], predictions[1, 0] }, Is.All.EqualTo(mean).Within(1e-9));
    }

    [TestCaseSource(nameof(Forests))]
    public void Train_MoreThreads_SameTrees(string name)
    {
        // Arrange: each tree draws from its own seed, so the thread count does not change the forest.
        Learner learner = Forest(name);
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(200, "binary"), TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        LearnerContext context = EngineFixtures.Context(shared);
        TrialConfig config = EngineFixtures.Grown(learner.Space(context), ("n_estimators", 16), ("max_features", 0.3));
        int[] all = Enumerable.Range(0, data.RowCount).ToArray();

        // Act
        Predictions one = TrialExporter.PredictInProcess(shared, TrialRunner.Run(shared, learner, config, context with { Threads = 1 }, CancellationToken.None), all);
        Predictions two = TrialExporter.PredictInProcess(shared, TrialRunner.Run(shared, learner, config, context with { Threads = 2 }, CancellationToken.None), all);

        // Assert
        Assert.That(two.Values, Is.EqualTo(one.Values));
    }
}
