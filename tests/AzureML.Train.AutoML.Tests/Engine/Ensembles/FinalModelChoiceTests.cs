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

    [Test]
    public void Choose_LowerIsBetterMetric_TakesTheLowestEstimateAndDescribesEveryOption()
    {
        // Arrange
        List<TrialOutcome> t = Trials();
        var options = new[] { new FinalModelOption(t[0], 0.12, null), new FinalModelOption(t[1], 0.1, "equal weights"), new FinalModelOption(t[2], double.NaN, null) };

        // Act
        FinalModelChoice choice = FinalModelChoice.Choose("normalized_root_mean_squared_error", options);

        // Assert
        Assert.That(choice.Best, Is.SameAs(t[1]));
        Assert.That(choice.Description, Is.EqualTo("cross-fitted normalized_root_mean_squared_error: iteration 0 LightGBM 0.1200, "
            + "iteration 1 VotingEnsemble (equal weights) 0.1000, iteration 2 StackEnsemble NaN"));
    }

    [Test]
    public void Choose_EqualEstimates_TakesTheFirstOption()
    {
        List<TrialOutcome> t = Trials();

        FinalModelChoice choice = FinalModelChoice.Choose("r2_score", new[] { new FinalModelOption(t[0], 0.5, null), new FinalModelOption(t[1], 0.5, "Caruana selection") });

        Assert.That(choice.Best, Is.SameAs(t[0]));
    }

    [Test]
    public void Choose_NoEstimate_ChoosesNothing()
    {
        List<TrialOutcome> t = Trials();

        FinalModelChoice choice = FinalModelChoice.Choose("r2_score", new[] { new FinalModelOption(t[0], double.NaN, null) });

        Assert.That(choice.Best, Is.Null);
        Assert.That(choice.Description, Is.Null);
    }
}
