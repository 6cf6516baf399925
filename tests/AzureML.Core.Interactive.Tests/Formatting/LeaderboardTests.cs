using AzureML.Widgets;
using NUnit.Framework;

using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests.Formatting;

[TestFixture]
public class LeaderboardTests : LocalWorkspaceTest
{

    [Test]
    public void Of_AutoMLRun_RanksTrialsByThePrimaryMetricAndMarksTheChosenBest()
    {
        Run run = SampleRuns.AutoML(Ws);

        Leaderboard board = Leaderboard.Of(run);

        Assert.Multiple(() =>
        {
            Assert.That(Leaderboard.IsAutoMLRun(run), Is.True);
            Assert.That(board.PrimaryMetric, Is.EqualTo("AUC_weighted"));
            Assert.That(board.Rows.Select(r => (r.Rank, r.Iteration, r.Algorithm, r.Score)), Is.EqualTo(new (int, int?, string, double?)[]
            {
                (1, 1, "LogisticRegression", 0.91), (2, 0, "LightGBM", 0.88), (3, 2, "RandomForest", 0.86),
            }));
            Assert.That(board.Best!.RunId, Is.EqualTo(run.Id + "_1"));
            Assert.That(board.Rows.Count(r => r.IsBest), Is.EqualTo(1));
        });
    }

    [Test]
    public void Of_ErrorMetric_SmallerIsBetterAndBestIsComputedWhenTheRunNamesNone()
    {
        Run parent = new Experiment(Ws, "regression").StartLogging();
        parent.AddProperties(new Dictionary<string, string> { ["primary_metric"] = "normalized_root_mean_squared_error" });
        foreach ((int i, double error) in new[] { (0, 0.2), (1, 0.1), (2, 0.3) })
        {
            Run trial = parent.Child(runId: $"{parent.Id}_{i}");
            trial.AddProperties(new Dictionary<string, string> { ["run_algorithm"] = "ElasticNet" });
            trial.Log("normalized_root_mean_squared_error", error);
            trial.Complete();
        }

        Leaderboard board = Leaderboard.Of(parent);

        Assert.Multiple(() =>
        {
            Assert.That(board.HigherIsBetter, Is.False);
            Assert.That(board.Rows.Select(r => r.Iteration), Is.EqualTo(new int?[] { 1, 0, 2 }));
            Assert.That(board.Best!.Iteration, Is.EqualTo(1));
        });
    }

    [Test]
    public void Of_TheRunNamesItsBestTrial_ThatTrialIsBestEvenWhenAnotherScoresHigher()
    {
        Run run = SampleRuns.AutoML(Ws);
        run.Tag("automl_best_child_run_id", run.Id + "_0");

        Leaderboard board = Leaderboard.Of(run);

        Assert.Multiple(() =>
        {
            Assert.That(board.Best!.Iteration, Is.EqualTo(0));
            Assert.That(board.Rows.Single(r => r.IsBest).Rank, Is.EqualTo(2), "ranks still follow the scores");
        });
    }

    [Test]
    public void ToString_IsAnAlignedTableBestFirst()
    {
        Run run = SampleRuns.AutoML(Ws);

        string[] lines = Leaderboard.Of(run).ToString().Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Match(@"^RANK  ITER  ALGORITHM +PREPROCESSOR +STATUS +AUC_weighted  DURATION$"));
            Assert.That(lines[1], Does.Match(@"^1 +1 +LogisticRegression +StandardScalerWrapper +Completed +0\.91 +\d+ ms +best$"));
            Assert.That(lines, Has.Length.EqualTo(4));
            Assert.That(lines.Select(l => l.IndexOf("Completed", StringComparison.Ordinal)).Skip(1).Distinct().Count(), Is.EqualTo(1), "columns line up");
        });
    }
}
