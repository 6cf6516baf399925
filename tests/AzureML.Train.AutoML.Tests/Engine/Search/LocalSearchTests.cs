using AzureML.Train.AutoML.Engine.Search;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine.Search;

[TestFixture]
public class LocalSearchTests
{
    private static readonly SearchSpace Space = new(
        new Hyperparameter("n_estimators", Domain.Integer(4, 1000, log: true), 4),
        new Hyperparameter("learning_rate", Domain.Real(0.01, 1, log: true), 0.1));

    private static TrialConfig Config(int trees, double rate) => new(new (string, object)[] { ("n_estimators", trees), ("learning_rate", rate) });

    [Test]
    public void Propose_WithWarmStarts_TriesTheStartThenEachWarmStartOnce()
    {
        // Arrange
        var search = new LocalSearch(Space, seed: 1);
        search.WarmStart(new[] { Config(300, 0.03), Space.Initial, Config(100, 0.05) });

        // Act
        TrialConfig[] proposed = Enumerable.Range(0, 3).Select(_ => search.Propose()).ToArray();

        // Assert: the warm start equal to the start is not proposed twice.
        Assert.That(proposed, Is.EqualTo(new[] { Space.Initial, Config(300, 0.03), Config(100, 0.05) }));
        Assert.That(search.HasWarmStarts, Is.False);
    }

    [Test]
    public void Report_BetterWarmStart_BecomesTheBestAndTheCentre()
    {
        // Arrange
        var search = new LocalSearch(Space, seed: 1);
        search.WarmStart(new[] { Config(300, 0.03) });
        search.Report(search.Propose(), 0.5);
        TrialConfig warm = search.Propose();

        // Act
        search.Report(warm, 0.2);
        TrialConfig next = search.Propose();

        // Assert: the next step is taken near the warm start, far from the 4-tree start.
        Assert.That(search.BestConfig, Is.EqualTo(warm));
        Assert.That(search.BestLoss, Is.EqualTo(0.2));
        Assert.That(next.Int("n_estimators"), Is.GreaterThan(50));
    }
}
