using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Ensembles;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Trials;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Ensembles;

[TestFixture]
public class SelectionRulesTests
{
    [Test]
    public void EqualWeights_RankedTrials_AveragesTheThreeBestOfEachOfTheThreeBestLearners()
    {
        // Arrange: ranked best first; the fourth learner (D) is left out, and so is each learner's fourth trial.
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(60, "binary"), TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        string[] learners = { "A", "A", "B", "A", "A", "C", "D", "B", "C", "C", "C", "B", "B" };
        List<TrialOutcome> ranked = TrialOutcomes.Guessing(shared, learners, seed: 1);

        // Act
        Blend blend = SelectionRules.EqualWeights(ranked, _ => 0);

        // Assert
        Assert.That(blend.Members.Select(m => m.Iteration), Is.EqualTo(new[] { 0, 1, 3, 2, 7, 11, 5, 8, 9 }));
        Assert.That(blend.Weights, Is.All.EqualTo(1.0 / 9));
    }

    [Test]
    public void BestStart_RankedTrials_PicksTheBestRankedOfEachLearnersFirstTrial()
    {
        // Arrange: ranked best first, iterations out of order; A's first trial is iteration 1, B's is 0, C's is 4.
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(60, "binary"), TaskKind.Classification, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        List<TrialOutcome> trials = TrialOutcomes.Guessing(shared, new[] { "B", "A", "A", "B", "C", "C" }, seed: 1);
        List<TrialOutcome> ranked = new[] { 2, 5, 4, 1, 3, 0 }.Select(i => trials[i]).ToList();

        // Act
        Blend blend = SelectionRules.BestStart(ranked, _ => 0);

        // Assert: iterations 2 and 5 rank higher but are later trials of A and C.
        Assert.That(blend.Members.Select(m => m.Iteration), Is.EqualTo(new[] { 4 }));
        Assert.That(blend.Weights, Is.EqualTo(new[] { 1.0 }));
    }

    [Test]
    public void Caruana_Blend_OutOfFoldIsTheWeightedAverageOfItsMembers()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(90, "regression"), TaskKind.Regression, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        var random = new Random(2);
        double[] truth = shared.ValidatedRows.Select(r => data.Targets[r]).ToArray();
        List<TrialOutcome> trials = Enumerable.Range(0, 8)
            .Select(i => TrialOutcomes.Of(shared, i, "L" + (i % 3), new Predictions(truth.Length, 1, truth.Select(t => t + (random.NextDouble() * 4) - 2).ToArray())))
            .ToList();
        var crossFitting = new CrossFitting(shared, "r2_score", seed: 1, trials);

        // Act
        Blend blend = SelectionRules.Caruana(seed: 1)(CrossFitting.Rank(trials, p => crossFitting.Loss(p)), p => crossFitting.Loss(p));

        // Assert
        Assert.That(blend.Members, Has.Count.GreaterThan(1));
        Assert.That(blend.Weights.Sum(), Is.EqualTo(1).Within(1e-12));
        double[] expected = new double[truth.Length];
        for (int m = 0; m < blend.Members.Count; m++)
        {
            for (int i = 0; i < expected.Length; i++) expected[i] += blend.Weights[m] * blend.Members[m].OutOfFold.Values[i];
        }

        Assert.That(blend.OutOfFold.Values, Is.EqualTo(expected).Within(1e-12));
    }
}
