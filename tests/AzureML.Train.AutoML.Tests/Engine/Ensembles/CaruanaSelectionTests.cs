using AzureML.Train.AutoML.Engine.Ensembles;
using AzureML.Train.AutoML.Engine.Metrics;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Ensembles;

[TestFixture]
public class CaruanaSelectionTests
{
    private const int Rows = 20;

    // Regression-shaped predictions of a target that is 0 on every row: the loss is the mean squared prediction.
    private static Predictions Constant(double value) => new(Rows, 1, Enumerable.Repeat(value, Rows).ToArray());

    private static Predictions Alternating(double value) => new(Rows, 1, Enumerable.Range(0, Rows).Select(i => i % 2 == 0 ? value : -value).ToArray());

    private static double MeanSquare(Predictions p) => p.Values.Average(v => v * v);

    [Test]
    public void Candidates_OneLearnerFillsTheTop_AddsEveryOtherLearnersBest()
    {
        // Arrange: ranked best first, as "learner/iteration".
        string[] ranked = { "lgbm/1", "lgbm/2", "rf/3", "lgbm/4", "lgbm/5", "rf/6", "lr/7", "gb/8", "lr/9" };

        // Act
        List<string> candidates = CaruanaSelection.Candidates(ranked, r => r.Split('/')[0], top: 3).ToList();

        // Assert
        Assert.That(candidates, Is.EqualTo(new[] { "lgbm/1", "lgbm/2", "rf/3", "lr/7", "gb/8" }));
    }

    [Test]
    public void Select_BestModelMissingFromSomeBags_KeepsTheMostWeightButNotAll()
    {
        // Arrange: one exact model among worse ones; bags of half the candidates leave it out about half the time.
        Predictions[] candidates = { Constant(0.5), Constant(0), Constant(1), Constant(-0.7), Constant(2), Constant(-1.5) };

        // Act
        (int[] members, double[] weights) = CaruanaSelection.Select(candidates, MeanSquare, seed: 7);

        // Assert
        Assert.That(members[0], Is.EqualTo(1));
        Assert.That(weights[0], Is.GreaterThan(0.2).And.LessThan(1));
        Assert.That(members, Has.Length.GreaterThan(1).And.Unique);
        Assert.That(weights.Sum(), Is.EqualTo(1).Within(1e-12));
        Assert.That(weights, Is.Ordered.Descending);
    }

    [Test]
    public void Select_ModelsWithOppositeErrors_AveragesThemEqually()
    {
        // Arrange: each model alone is off by 1 on every row; their average is exact.
        Predictions[] candidates = { Alternating(1), Alternating(-1) };

        // Act
        (int[] members, double[] weights) = CaruanaSelection.Select(candidates, MeanSquare, seed: 1);

        // Assert
        Assert.That(members, Is.EquivalentTo(new[] { 0, 1 }));
        Assert.That(weights, Is.EqualTo(new[] { 0.5, 0.5 }).Within(1e-12));
    }

    [Test]
    public void Select_SameSeed_GivesTheSameEnsemble()
    {
        // Arrange
        Predictions[] candidates = { Alternating(1), Constant(0.3), Alternating(-0.8), Constant(-0.4), Alternating(0.2), Constant(1) };

        // Act
        (int[] Members, double[] Weights) first = CaruanaSelection.Select(candidates, MeanSquare, seed: 3);
        (int[] Members, double[] Weights) second = CaruanaSelection.Select(candidates, MeanSquare, seed: 3);

        // Assert
        Assert.That(second.Members, Is.EqualTo(first.Members));
        Assert.That(second.Weights, Is.EqualTo(first.Weights));
    }
}
