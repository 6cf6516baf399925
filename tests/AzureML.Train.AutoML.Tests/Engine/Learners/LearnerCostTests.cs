using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Learners;

[TestFixture]
public class LearnerCostTests
{
    private static readonly string[] Forests = { "ExtremeRandomTrees", "RandomForest" };

    [TestCaseSource(nameof(Forests))]
    public void Cost_TrainedForestOnSeparableClasses_CountsTheFewNodesItGrew(string name)
    {
        // Arrange: one column separates three classes, so trees stop at pure leaves long before leaves of one row,
        // which is all the cost can assume before training.
        Learner learner = LearnerCatalog.For(TaskKind.Classification).Single(l => l.Name == name);
        int[] label = Enumerable.Range(0, 150).Select(r => r % 3).ToArray();
        DataFrame frame = EngineFixtures.DecidingColumnAndNoise(label.Select(l => l * 10.0).ToList(), DataFrameColumn.OfString("label", label.Select(l => "class" + l)));
        TrialData shared = EngineFixtures.Prepare(EngineFixtures.Build(frame, TaskKind.Classification, "label"));
        LearnerContext context = EngineFixtures.Context(shared);
        TrialConfig config = EngineFixtures.Grown(learner.Space(context), ("n_estimators", 300), ("max_features", 1.0), ("min_samples_leaf", 1));

        // Act
        TrialResult trial = TrialRunner.Run(shared, learner, config, context, CancellationToken.None);
        double before = learner.Cost(context, config);
        double after = learner.Cost(context, config, trial.Model);

        // Assert
        Assert.That(after, Is.LessThan(before / 3), "a few pure leaves per tree against one leaf per row");
    }

    [Test]
    public void Cost_GradientBoosting_GrowsWithTreesAndLeavesButNotPastTheLeavesTheRowsAllow()
    {
        // Arrange
        TrialData shared = EngineFixtures.Prepare(EngineFixtures.Build(EngineFixtures.Mixed(200, "binary"), TaskKind.Classification, "label"));
        LearnerContext context = EngineFixtures.Context(shared);
        foreach (Learner learner in LearnerCatalog.For(TaskKind.Classification).Where(l => l.Name is "LightGBM" or "GradientBoosting"))
        {
            SearchSpace space = learner.Space(context);
            string minimumLeaf = learner.Name == "LightGBM" ? "min_child_samples" : "min_samples_leaf";
            double Cost(int trees, int leaves, int minimum) => learner.Cost(context, EngineFixtures.Grown(space, ("n_estimators", trees), ("num_leaves", leaves), (minimumLeaf, minimum)));

            // Act & Assert: 200 rows with leaves of at least 20 rows allow 10 leaves.
            Assert.That(Cost(200, 8, 20), Is.GreaterThan(Cost(50, 8, 20)), learner.Name);
            Assert.That(Cost(50, 10, 20), Is.GreaterThan(Cost(50, 4, 20)), learner.Name);
            Assert.That(Cost(50, 64, 20), Is.EqualTo(Cost(50, 10, 20)).Within(1e-9), learner.Name);
        }
    }
}
