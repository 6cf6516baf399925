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
        var random = new Random(11);
        List<TrialOutcome> trials = Enumerable.Range(0, 60).Select(i => TrialOutcomes.Of(shared, i, "Guess", TrialOutcomes.Guessing(shared, random))).ToList();
        var crossFitting = new CrossFitting(shared, "AUC_weighted", seed: 1);

        // Act
        double picked = trials.Max(t => t.Metrics["AUC_weighted"]);
        double estimate = crossFitting.Estimate(trials, SelectionRules.BestTrial);

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
        var random = new Random(3);
        List<TrialOutcome> trials = Enumerable.Range(0, 10).Select(i => TrialOutcomes.Of(shared, i, "Guess", TrialOutcomes.Guessing(shared, random))).ToList();

        // Act
        double first = new CrossFitting(shared, "AUC_weighted", seed: 5).Estimate(trials, SelectionRules.EqualWeights);
        double second = new CrossFitting(shared, "AUC_weighted", seed: 5).Estimate(trials, SelectionRules.EqualWeights);
        double other = new CrossFitting(shared, "AUC_weighted", seed: 6).Estimate(trials, SelectionRules.EqualWeights);

        // Assert
        Assert.That(second, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }
}
