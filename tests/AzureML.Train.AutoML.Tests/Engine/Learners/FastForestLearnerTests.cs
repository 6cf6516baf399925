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
public class FastForestLearnerTests
{
    [Test]
    public void Train_NoRowOrSplitSampling_EveryTreeSplitsOnTheDecidingColumn()
    {
        // Arrange: one column decides the label; nine columns are noise. Without row sampling and with every
        // feature at every split, each tree that sees the deciding column splits on it first and votes right.
        const int rows = 200;
        bool[] label = Enumerable.Range(0, rows).Select(r => r % 2 == 0).ToArray();
        DataFrame frame = EngineFixtures.DecidingColumnAndNoise(label.Select(l => l ? 1.0 : 0.0).ToList(), DataFrameColumn.OfBoolean("label", label.Select(l => (bool?)l)));
        TrainingData data = EngineFixtures.Build(frame, TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        var learner = new FastForestLearner();
        TrialConfig config = EngineFixtures.Grown(learner.Space(EngineFixtures.Context(shared)),
            ("n_estimators", 20), ("num_leaves", 4), ("min_samples_leaf", 1), ("max_features", 1.0), ("max_samples", 1.0));

        // Act
        TrialResult trial = TrialRunner.Run(shared, learner, config, EngineFixtures.Context(shared), CancellationToken.None);
        Predictions predictions = TrialExporter.PredictInProcess(shared, trial, Enumerable.Range(0, rows).ToArray());

        // Assert: a tree that never saw the deciding column would put some rows' vote share strictly between 0 and 1.
        int positive = data.Classes!.PositiveIndex;
        double[] share = Enumerable.Range(0, rows).Select(r => predictions[r, positive]).ToArray();
        Assert.That(Enumerable.Range(0, rows).Select(r => share[r] - (label[r] ? 1 : 0)), Is.All.EqualTo(0).Within(1e-6));
    }
}
