using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Ensembles;
using AzureML.Train.AutoML.Engine.Trials;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Ensembles;

[TestFixture]
public class CrossFittingTests
{
    [Test]
    public void Estimate_BestOfManyGuessingTrials_IsNearChanceThoughItsOwnScoreIsNot()
    {
        // Arrange: 60 trials that guess at random; the best of them looks good only because it was picked.
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(240, "binary"), TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        List<TrialOutcome> trials = TrialOutcomes.Guessing(shared, Enumerable.Repeat("Guess", 60), seed: 11);
        var crossFitting = new CrossFitting(shared, "AUC_weighted", seed: 1, trials);

        // Act
        double picked = trials.Max(t => t.Metrics["AUC_weighted"]);
        double estimate = crossFitting.Estimate(SelectionRules.BestTrial).Mean;

        // Assert
        Assert.That(picked, Is.GreaterThan(0.56), "the best of 60 guesses, scored on the rows it was picked on");
        Assert.That(estimate, Is.EqualTo(0.5).Within(0.03), "the pick scored on the other half of the rows");
    }

    [Test]
    public void Estimate_SameSeed_SameHalves()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(120, "multiclass"), TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        List<TrialOutcome> trials = TrialOutcomes.Guessing(shared, Enumerable.Repeat("Guess", 10), seed: 3);

        // Act
        double first = new CrossFitting(shared, "AUC_weighted", seed: 5, trials).Estimate(SelectionRules.EqualWeights).Mean;
        double second = new CrossFitting(shared, "AUC_weighted", seed: 5, trials).Estimate(SelectionRules.EqualWeights).Mean;
        double other = new CrossFitting(shared, "AUC_weighted", seed: 6, trials).Estimate(SelectionRules.EqualWeights).Mean;

        // Assert
        Assert.That(second, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }
}
