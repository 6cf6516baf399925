using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Trials;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Trials;

[TestFixture]
public class TrialDataTests
{
    [Test]
    public void Score_Positions_ScoresOnlyTheMarkedRows()
    {
        // Arrange: exact predictions on even out-of-fold positions, far off on odd ones.
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(90, "regression"), TaskKind.Regression, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        double[] values = shared.ValidatedRows.Select((r, i) => i % 2 == 0 ? data.Targets[r] : data.Targets[r] + 50).ToArray();
        var predictions = new Predictions(values.Length, 1, values);
        bool[] even = values.Select((_, i) => i % 2 == 0).ToArray();

        // Act
        double all = shared.Score(predictions, "r2_score");
        double marked = shared.Score(predictions, "r2_score", even);

        // Assert
        Assert.That(marked, Is.EqualTo(1).Within(1e-12));
        Assert.That(all, Is.LessThan(0));
    }
}
