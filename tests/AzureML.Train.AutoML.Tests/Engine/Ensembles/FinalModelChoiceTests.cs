using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Ensembles;
using AzureML.Train.AutoML.Engine.Trials;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Ensembles;

[TestFixture]
public class FinalModelChoiceTests
{
    private static List<TrialOutcome> Trials()
    {
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(60, "regression"), TaskKind.Regression, "label");
        TrialData shared = EngineFixtures.Prepare(data);
        return TrialOutcomes.Guessing(shared, new[] { "LightGBM", "VotingEnsemble", "StackEnsemble" }, seed: 1);
    }

    private static CrossFittedEstimate Halves(params double[] scores) => new(scores);

    [Test]
    public void Choose_LowerIsBetterMetric_TakesTheLowestEstimateAndDescribesEveryOption()
    {
        // Arrange: the ensemble is lower by 0.02 on average; the halves' differences spread by 0.01.
        List<TrialOutcome> t = Trials();
        var options = new[]
        {
            new FinalModelOption(t[0], Halves(0.12, 0.13, 0.11, 0.12), null),
            new FinalModelOption(t[1], Halves(0.11, 0.10, 0.10, 0.09), "equal weights"),
            new FinalModelOption(t[2], Halves(double.NaN, double.NaN, double.NaN, double.NaN), null),
        };

        // Act
        FinalModelChoice choice = FinalModelChoice.Choose("normalized_root_mean_squared_error", options);

        // Assert
        Assert.That(choice.Best, Is.SameAs(t[1]));
        Assert.That(choice.Description, Is.EqualTo("cross-fitted normalized_root_mean_squared_error: "
            + "iteration 0 LightGBM 0.1200 (+0.0200 ± 0.0100), iteration 1 VotingEnsemble (equal weights) 0.1000, iteration 2 StackEnsemble NaN"));
    }

    [Test]
    public void Choose_HigherIsBetterMetric_TakesTheHighestEstimateHoweverSmallItsLead()
    {
        List<TrialOutcome> t = Trials();
        var options = new[] { new FinalModelOption(t[0], Halves(0.90, 0.92, 0.91, 0.89), null), new FinalModelOption(t[1], Halves(0.93, 0.90, 0.94, 0.87), "Caruana selection") };

        FinalModelChoice choice = FinalModelChoice.Choose("AUC_weighted", options);

        Assert.That(choice.Best, Is.SameAs(t[1]));
        Assert.That(choice.Description, Does.StartWith("cross-fitted AUC_weighted: iteration 0 LightGBM 0.9050 (-0.0050 ± 0.0250), "));
    }

    [Test]
    public void Choose_EqualEstimates_TakesTheFirstOption()
    {
        List<TrialOutcome> t = Trials();

        FinalModelChoice choice = FinalModelChoice.Choose("r2_score", new[] { new FinalModelOption(t[0], Halves(0.5, 0.5), null), new FinalModelOption(t[1], Halves(0.5, 0.5), "Caruana selection") });

        Assert.That(choice.Best, Is.SameAs(t[0]));
    }

    [Test]
    public void Choose_NoEstimate_ChoosesNothing()
    {
        List<TrialOutcome> t = Trials();

        FinalModelChoice choice = FinalModelChoice.Choose("r2_score", new[] { new FinalModelOption(t[0], Halves(double.NaN, double.NaN), null) });

        Assert.That(choice.Best, Is.Null);
        Assert.That(choice.Description, Is.Null);
    }
}
