using AzureML.Train.AutoML.Engine.Ensembles;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Ensembles;

[TestFixture]
public class CrossFittedEstimateTests
{
    [Test]
    public void Mean_SkipsUnscoredHalves()
    {
        var estimate = new CrossFittedEstimate(new[] { 0.8, double.NaN, 0.9 });

        Assert.That(estimate.Mean, Is.EqualTo(0.85).Within(1e-12));
    }

    [Test]
    public void StandardErrorOfDifference_IsTheRootMeanSquareDeviationOfThePerHalfDifferences()
    {
        // Arrange: per-half differences 0.01, 0.03, 0.02, NaN (skipped): mean 0.02, deviations -0.01, 0.01, 0.
        var option = new CrossFittedEstimate(new[] { 0.91, 0.93, 0.92, double.NaN });
        var best = new CrossFittedEstimate(new[] { 0.90, 0.90, 0.90, 0.95 });

        // Act
        double error = option.StandardErrorOfDifference(best);

        // Assert
        Assert.That(error, Is.EqualTo(Math.Sqrt(2e-4 / 3)).Within(1e-12));
        Assert.That(best.StandardErrorOfDifference(option), Is.EqualTo(error).Within(1e-12), "the same either way round");
    }

    [Test]
    public void StandardErrorOfDifference_FewerThanTwoHalvesScoredForBoth_IsNaN()
    {
        var option = new CrossFittedEstimate(new[] { 0.91, double.NaN });
        var best = new CrossFittedEstimate(new[] { 0.90, 0.92 });

        Assert.That(option.StandardErrorOfDifference(best), Is.NaN);
    }
}
