using AzureML.TestUtilities;
using AzureML.Train.AutoML.Engine;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Scoring;
using AzureML.Train.AutoML.Engine.Validation;
using Google.Protobuf;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Engine;

[TestFixture]
public class AutoMLEngineTests
{
    private static EngineSettings Settings(TaskKind task, string metric, int? iterations = 8) => new()
    {
        PrimaryMetric = metric,
        Learners = LearnerCatalog.For(task),
        Iterations = iterations,
        CrossValidations = 3,
    };

    [Test]
    public async Task RunAsync_HeartFailure_TriesEveryLearnerThenEnsembles()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(TestData.HeartFailure(), TaskKind.Classification, "DEATH_EVENT");
        var monitor = new RecordingMonitor();

        // Act
        EngineResult result = await new AutoMLEngine(data, Settings(TaskKind.Classification, "AUC_weighted", 10), monitor).RunAsync(CancellationToken.None);

        // Assert
        Assert.That(monitor.Started.Select(s => s.Iteration), Is.EqualTo(Enumerable.Range(0, 10)));
        Assert.That(monitor.Started.Take(LearnerCatalog.For(TaskKind.Classification).Count).Select(s => s.Algorithm), Is.EquivalentTo(LearnerCatalog.For(TaskKind.Classification).Select(l => l.Name)),
            "each learner's low-cost start comes first");
        Assert.That(monitor.Completed.Last().Algorithm, Is.EqualTo("VotingEnsemble"));
        Assert.That(result.Best!.Metrics["AUC_weighted"], Is.GreaterThan(0.85));
        Assert.That(result.Completed.Select(c => c.Metrics.Scalars.Count), Is.All.EqualTo(26), "every azureml binary classification metric");
    }

    [Test]
    public async Task RunAsync_SameSeedConcurrencyOne_SameIterations()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(200, "multiclass"), TaskKind.Classification, "label");

        // Act
        var first = await new AutoMLEngine(data, Settings(TaskKind.Classification, "accuracy"), new RecordingMonitor()).RunAsync(CancellationToken.None);
        var second = await new AutoMLEngine(data, Settings(TaskKind.Classification, "accuracy"), new RecordingMonitor()).RunAsync(CancellationToken.None);

        // Assert
        static IEnumerable<string> Trace(EngineResult r) => r.Completed.Select(c => $"{c.Algorithm} {c.Start.Config} {c.Metrics["accuracy"]:R} {c.Metrics["log_loss"]:R}");
        Assert.That(Trace(second), Is.EqualTo(Trace(first)));
    }

    [Test]
    public async Task RunAsync_VotingEnsemble_OnnxIsWeightedAverageOfMembers()
    {
        // Arrange
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(200, "multiclass"), TaskKind.Classification, "label");
        EngineResult result = await new AutoMLEngine(data, Settings(TaskKind.Classification, "accuracy", 12), new RecordingMonitor()).RunAsync(CancellationToken.None);
        TrialOutcome ensemble = result.Completed.Single(c => c.Algorithm == "VotingEnsemble");
        Dictionary<string, Array> inputs = EngineFixtures.RawInputs(data);

        // Act
        float[] merged = Probabilities(ensemble, inputs, data.RowCount);
        var average = new double[merged.Length];
        foreach ((int iteration, double weight) in ensemble.Members)
        {
            float[] member = Probabilities(result.Completed.Single(c => c.Iteration == iteration), inputs, data.RowCount);
            for (int i = 0; i < average.Length; i++) average[i] += weight * member[i];
        }

        // Assert
        Assert.That(ensemble.Members, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(ensemble.Members.Sum(m => m.Weight), Is.EqualTo(1).Within(1e-12));
        Assert.That(merged.Select((v, i) => Math.Abs(v - average[i])).Max(), Is.LessThan(1e-6));
    }

    [TestCase("binary")]
    [TestCase("multiclass")]
    [TestCase("regression")]
    [Category("Integration")]
    public async Task RunAsync_StackEnsemble_OneGraphThatTheScoringFileMatches(string labelKind)
    {
        TaskKind task = labelKind == "regression" ? TaskKind.Regression : TaskKind.Classification;
        string metric = task == TaskKind.Regression ? "r2_score" : "AUC_weighted";
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(150, labelKind), task, "label");
        EngineSettings settings = Settings(task, metric, 10) with { StackEnsemble = true };
        EngineResult result = await new AutoMLEngine(data, settings, new RecordingMonitor()).RunAsync(CancellationToken.None);
        TrialOutcome stack = result.Completed.Single(c => c.Algorithm == "StackEnsemble");
        using var folder = new TestFolder();

        System.Text.Json.Nodes.JsonNode answer = PythonScoring.Score(stack.Model, data, folder.Path);

        Assert.That(result.Completed.Select(c => c.Algorithm).TakeLast(2), Is.EqualTo(new[] { "VotingEnsemble", "StackEnsemble" }));
        Assert.That(stack.Members, Has.Count.InRange(2, 5));
        Assert.That(stack.Metrics[metric], Is.GreaterThan(task == TaskKind.Regression ? 0.5 : 0.8));
        using OnnxSession session = OnnxSession.Load(stack.Model.ToByteArray());
        OnnxParityTests.AssertSameAnswers(answer, session.Run(EngineFixtures.RawInputs(data), data.RowCount), data);
    }

    [Test]
    [Category("Integration")]
    public async Task RunAsync_VotingEnsemble_ScoringFileMatchesOnnxRuntime()
    {
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(150, "binary"), TaskKind.Classification, "label");
        EngineResult result = await new AutoMLEngine(data, Settings(TaskKind.Classification, "AUC_weighted", 10), new RecordingMonitor()).RunAsync(CancellationToken.None);
        TrialOutcome ensemble = result.Completed.Single(c => c.Algorithm == "VotingEnsemble");
        using var folder = new TestFolder();

        System.Text.Json.Nodes.JsonNode answer = PythonScoring.Score(ensemble.Model, data, folder.Path);

        using OnnxSession session = OnnxSession.Load(ensemble.Model.ToByteArray());
        OnnxParityTests.AssertSameAnswers(answer, session.Run(EngineFixtures.RawInputs(data), data.RowCount), data);
    }

    [Test]
    public async Task RunAsync_SmallDataDefaultValidation_EnsemblesPredictEveryRepeatAndTablesCountRowsOnce()
    {
        // Arrange: no fold count, so a few hundred rows get repeated cross-validation.
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(150, "binary"), TaskKind.Classification, "label");
        EngineSettings settings = Settings(TaskKind.Classification, "AUC_weighted", 8) with { CrossValidations = null, StackEnsemble = true };

        // Act
        EngineResult result = await new AutoMLEngine(data, settings, new RecordingMonitor()).RunAsync(CancellationToken.None);

        // Assert
        int predictedRows = 150 * FoldPlan.SmallDataRepeats;
        foreach (TrialOutcome outcome in result.Completed)
        {
            Assert.That(outcome.OutOfFold.Rows, Is.EqualTo(predictedRows), outcome.Algorithm);
            Assert.That(Enumerable.Range(0, predictedRows).Select(r => outcome.OutOfFold[r, 0] + outcome.OutOfFold[r, 1]), Is.All.EqualTo(1).Within(1e-6),
                $"{outcome.Algorithm} predicts every row of every repeat");
            MetricTable confusion = outcome.Metrics.Tables.Single(t => t.Name == "confusion_matrix");
            Assert.That(confusion.Columns.Skip(1).SelectMany(c => c.Values).Sum(v => (long)v), Is.EqualTo(150), $"{outcome.Algorithm}'s confusion matrix");
        }

        TrialOutcome stack = result.Completed.Single(c => c.Algorithm == "StackEnsemble");
        Assert.That(stack.Metrics["AUC_weighted"], Is.GreaterThan(0.8).And.LessThan(1));
    }

    [Test]
    public async Task RunAsync_Regression_ReportsRegressionMetricsAndEnsembles()
    {
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(200, "regression"), TaskKind.Regression, "label");

        EngineResult result = await new AutoMLEngine(data, Settings(TaskKind.Regression, "r2_score", 9), new RecordingMonitor()).RunAsync(CancellationToken.None);

        Assert.That(result.Completed.Last().Algorithm, Is.EqualTo("VotingEnsemble"));
        Assert.That(result.Best!.Metrics["r2_score"], Is.GreaterThan(0.5));
        Assert.That(result.Best.Metrics.Tables.Select(t => t.Name), Is.EquivalentTo(new[] { "residuals", "predicted_true" }));
    }

    [Test]
    public async Task RunAsync_ExitScoreReached_StopsAtOnce()
    {
        TrainingData data = EngineFixtures.Build(TestData.HeartFailure(), TaskKind.Classification, "DEATH_EVENT");
        EngineSettings settings = Settings(TaskKind.Classification, "AUC_weighted", iterations: null) with { ExitScore = 0.5, VotingEnsemble = false };
        var monitor = new RecordingMonitor();

        EngineResult result = await new AutoMLEngine(data, settings, monitor).RunAsync(CancellationToken.None);

        Assert.That(monitor.Started, Has.Count.EqualTo(1));
        Assert.That(result.StopReason, Does.Contain("experimentExitScore"));
    }

    [Test]
    public async Task RunAsync_IterationTimeout_FailsTheTrialsThatExceedIt()
    {
        TrainingData data = EngineFixtures.Build(TestData.HeartFailure(), TaskKind.Classification, "DEATH_EVENT");
        EngineSettings settings = Settings(TaskKind.Classification, "AUC_weighted", 3) with { IterationTimeout = TimeSpan.FromTicks(1), VotingEnsemble = false };
        var monitor = new RecordingMonitor();

        EngineResult result = await new AutoMLEngine(data, settings, monitor).RunAsync(CancellationToken.None);

        Assert.That(result.Completed, Is.Empty);
        Assert.That(monitor.Ended.Select(e => e.Error), Has.All.InstanceOf<TimeoutException>().And.All.Message.Contains("iterationTimeoutMinutes"));
        Assert.That(monitor.Ended.Select(e => e.Canceled), Is.All.False);
    }

    [Test]
    public async Task RunAsync_ExperimentTimeout_StopsSearchingAndCancelsRunningTrials()
    {
        TrainingData data = EngineFixtures.Build(EngineFixtures.Mixed(2000, "regression"), TaskKind.Regression, "label");
        EngineSettings settings = Settings(TaskKind.Regression, "r2_score", iterations: null) with { ExperimentTimeout = TimeSpan.FromSeconds(4) };
        var monitor = new RecordingMonitor();

        EngineResult result = await new AutoMLEngine(data, settings, monitor).RunAsync(CancellationToken.None);

        Assert.That(result.StopReason, Is.EqualTo("experiment timeout"));
        Assert.That(monitor.Started.Count, Is.EqualTo(monitor.Completed.Count + monitor.Ended.Count), "every started iteration ended");
        Assert.That(monitor.Ended.Select(e => e.Canceled), Is.All.True);
    }

    private static float[] Probabilities(TrialOutcome outcome, Dictionary<string, Array> inputs, int rows)
    {
        using OnnxSession session = OnnxSession.Load(outcome.Model.ToByteArray());
        return (float[])session.Run(inputs, rows)[OnnxNames.Probability];
    }
}
