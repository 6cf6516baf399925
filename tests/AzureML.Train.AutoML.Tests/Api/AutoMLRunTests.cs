using System.Collections;
using AzureML.Core;
using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Tests.Engine;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Api;

[TestFixture]
[Category("Integration")]
public class AutoMLRunTests : LocalWorkspaceTest
{
    private static readonly string[] s_classificationMetrics =
    {
        "accuracy", "balanced_accuracy", "weighted_accuracy", "norm_macro_recall", "log_loss", "matthews_correlation",
        "AUC_macro", "AUC_micro", "AUC_weighted", "average_precision_score_macro", "average_precision_score_micro", "average_precision_score_weighted",
        "f1_score_macro", "f1_score_micro", "f1_score_weighted", "precision_score_macro", "precision_score_micro", "precision_score_weighted",
        "recall_score_macro", "recall_score_micro", "recall_score_weighted", "AUC_binary", "f1_score_binary",
    };

    private AutoMLConfig Config(AutoMLData data, string task = "classification", string label = "DEATH_EVENT", string? metric = "AUC_weighted",
        int? iterations = 6, double? experimentTimeoutMinutes = null, double? iterationTimeoutMinutes = null, ComputeTarget? computeTarget = null,
        int maxConcurrentIterations = 1)
        => new(task, trainingData: data, labelColumnName: label, primaryMetric: metric, iterations: iterations, nCrossValidations: 3,
            experimentTimeoutMinutes: experimentTimeoutMinutes, iterationTimeoutMinutes: iterationTimeoutMinutes, computeTarget: computeTarget,
            maxConcurrentIterations: maxConcurrentIterations, debugLog: Folder.Combine("automl.log"), path: Folder.Combine("project"));

    [Test]
    public void Submit_Classification_RecordsChildRunsMetricsAndModels()
    {
        // Arrange
        var experiment = new Experiment(Ws, "automl-heart");

        // Act
        var run = (AutoMLRun)experiment.Submit(Config(TestData.HeartFailure()));
        var lines = new List<string>();
        run.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();

        // Assert: the parent
        IReadOnlyList<Run> children = run.GetChildren();
        Run best = run.GetBestChild();
        Assert.That(run.Type, Is.EqualTo("automl"));
        Assert.That(run.GetTags()["automl_best_child_run_id"], Is.EqualTo(best.Id));
        string selection = run.Tags["automl_best_child_selection"];
        Assert.That(selection, Does.StartWith("cross-fitted AUC_weighted: iteration ").And.Contain(" VotingEnsemble ("));
        Assert.That(lines, Does.Contain($"Best child: {best.Id}, chosen by {selection}."));
        Assert.That(run.Tags["iterations"], Is.EqualTo("6"));
        Assert.That(run.Properties["primary_metric"], Is.EqualTo("AUC_weighted"));
        Assert.That(run.Properties["AMLSettingsJsonString"], Does.Contain("\"label_column_name\":\"DEATH_EVENT\""));
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new[] { run.Id + "_setup" }.Concat(Enumerable.Range(0, 6).Select(i => $"{run.Id}_{i}"))));
        Assert.That(children.Select(c => c.Status), Is.All.EqualTo(RunStatus.Completed));

        // The iterations: properties, every metric, tables, files.
        foreach (Run child in children.Skip(1))
        {
            Assert.That(child.Properties.Keys, Is.SupersetOf(new[] { "iteration", "run_algorithm", "run_preprocessor", "hyperparameters", "score", "model_name" }));
            IReadOnlyDictionary<string, object> metrics = child.GetMetrics();
            Assert.That(metrics.Keys, Is.SupersetOf(s_classificationMetrics.Append("confusion_matrix").Append("roc_curve").Append("precision_recall_curve")));
            Assert.That(((IDictionary)metrics["confusion_matrix"]).Keys, Is.EquivalentTo(new[] { "class_label", "predicted_false", "predicted_true" }));
            Assert.That(child.GetFileNames(), Is.SupersetOf(new[] { "outputs/model.onnx", "outputs/model.onnx.json", "outputs/scoring_file_v_1_0_0.py", "outputs/conda_env_v_1_0_0.yml" }));
        }

        Assert.That(children.Last().Properties["run_algorithm"], Is.EqualTo("VotingEnsemble"));
        double top = children.Skip(1).Max(c => Convert.ToDouble(c.GetMetrics()["AUC_weighted"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(run.GetBestChild("AUC_weighted").GetMetrics()["AUC_weighted"], Is.EqualTo(top), "with a metric: the iteration with its best value");
        Assert.That(children.Last().Properties["ensembled_iterations"], Does.StartWith("["));

        // What users read back.
        (Run bestRun, FittedModel model) = run.GetOutput();
        IReadOnlyList<object> predictions = model.Predict(TestData.HeartFailure());
        Assert.That(bestRun.Id, Is.EqualTo(best.Id));
        Assert.That(predictions, Has.Count.EqualTo(299).And.All.InstanceOf<bool>());
        Assert.That(model.Classes, Is.EqualTo(new object[] { false, true }));
        Assert.That(model.PredictProbabilities(TestData.HeartFailure()).Select(p => p.Sum()), Is.All.EqualTo(1).Within(1e-5));
        Assert.That(run.GetOutput(iteration: 2).BestRun.Id, Is.EqualTo(run.Id + "_2"));
        Assert.That(run.GetOutput(metric: "log_loss").BestRun.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(() => run.GetOutput(iteration: 1, metric: "accuracy"), Throws.TypeOf<ConfigException>().With.Message.Contains("ConflictingValueForArguments"));
        Assert.That(run.GetGuardrails(toConsole: false).Select(g => g.Type), Has.Member("Class balancing detection"));
        Assert.That(run.Summary().Rows.Sum(r => r.Iterations), Is.EqualTo(6));
        Model registered = run.RegisterModel();
        Assert.That(registered.Name, Is.EqualTo(best.Properties["model_name"]));
        Assert.That(registered.ModelFramework, Is.EqualTo(Model.Framework.Onnx));
        Assert.That(lines, Has.Some.StartsWith(" ITER   PIPELINE").And.Some.Contains("VotingEnsemble"));
        Assert.That(File.ReadAllText(Folder.Combine("automl.log")), Does.Contain("Iteration 0"));
    }

    [Test]
    public void Submit_Regression_EndToEnd()
    {
        DataFrame data = EngineFixtures.Mixed(160, "regression");
        var run = (AutoMLRun)new Experiment(Ws, "automl-regression").Submit(Config(data, task: "regression", label: "label", metric: "r2_score", iterations: 5));
        run.WaitForCompletion();

        (Run best, FittedModel model) = run.GetOutput();
        IReadOnlyDictionary<string, object> metrics = best.GetMetrics();
        Assert.That(metrics.Keys, Is.SupersetOf(new[]
        {
            "r2_score", "spearman_correlation", "explained_variance", "root_mean_squared_error", "normalized_root_mean_squared_error",
            "mean_absolute_error", "normalized_mean_absolute_error", "median_absolute_error", "normalized_median_absolute_error", "residuals", "predicted_true",
        }));
        Assert.That(Convert.ToDouble(metrics["r2_score"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0.5));
        Assert.That(model.Task, Is.EqualTo("regression"));
        Assert.That(model.InputSchema["when"], Is.EqualTo(DataFrameColumnType.DateTime));
        Assert.That(model.Predict(data), Has.Count.EqualTo(160).And.All.InstanceOf<double>());
    }

    [Test]
    public void Cancel_WhileIterating_StopsTheRunnerAndEndsEveryIteration()
    {
        // Arrange: an experiment that would go on for a long time.
        var run = (AutoMLRun)new Experiment(Ws, "automl-cancel").Submit(Config(EngineFixtures.Mixed(1500, "binary"), label: "label", iterations: 1000));
        while (run.GetChildren().Count(c => c.Properties.ContainsKey("iteration")) < 2) Thread.Sleep(100);

        // Act
        run.Cancel();
        int children = run.GetChildren().Count;
        run.WaitForCompletion(raiseOnError: false);

        // Assert
        Assert.That(run.GetStatus(), Is.EqualTo(RunStatus.Canceled));
        Assert.That(run.GetChildren().Select(c => c.Status.IsTerminal), Is.All.True);
        Assert.That(run.GetChildren(), Has.Count.EqualTo(children), "no iteration starts after the cancel");
    }

    [Test]
    public void Submit_ExperimentTimeout_CompletesWithWhatItFound()
    {
        var run = (AutoMLRun)new Experiment(Ws, "automl-timeout").Submit(Config(TestData.HeartFailure(), iterations: 1000, experimentTimeoutMinutes: 0.1));

        run.WaitForCompletion();

        Assert.That(run.GetTags()["automl_stop_reason"], Is.EqualTo("experiment timeout"));
        Assert.That(int.Parse(run.Tags["iterations"], System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(1000));
        Assert.That(run.GetBestChild().Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void Submit_IterationTimeoutTooShortForAnyModel_FailsEveryIterationAndTheRun()
    {
        var run = (AutoMLRun)new Experiment(Ws, "automl-iteration-timeout").Submit(Config(TestData.HeartFailure(), iterations: 3, iterationTimeoutMinutes: 1e-6));

        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(details.Error!.Message, Is.EqualTo("No iteration completed; see the iterations' errors."));
        Run iteration = run.GetChildren().First(c => c.Properties.ContainsKey("iteration"));
        Assert.That(iteration.GetDetails().Error!.Message, Does.Contain("iterationTimeoutMinutes"));
    }

    [Test]
    public void Submit_LabelWithOneClass_FailsInSetupWithTheReason()
    {
        DataFrame oneClass = new(new[] { DataFrameColumn.OfDouble("x", new double?[] { 1, 2, 3, 4, 5, 6 }), DataFrameColumn.OfString("y", Enumerable.Repeat("a", 6)) });
        var run = (AutoMLRun)new Experiment(Ws, "automl-bad-data").Submit(Config(oneClass, label: "y", metric: null));

        RunDetails details = run.WaitForCompletion(raiseOnError: false);

        Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(details.Error!.Message, Is.EqualTo("The label column 'y' has 1 distinct value(s); classification needs at least two classes."));
        Assert.That(run.GetChildren().Single().Status, Is.EqualTo(RunStatus.Failed), "the setup run");
    }

    [Test]
    public void Submit_UnknownLabelColumn_RefusedBeforeAnyRunExists()
    {
        var experiment = new Experiment(Ws, "automl-bad-label");

        Assert.That(() => experiment.Submit(Config(TestData.HeartFailure(), label: "death")), Throws.TypeOf<ConfigException>()
            .With.Message.StartsWith("labelColumnName names the column 'death', which trainingData does not have."));
        Assert.That(experiment.GetRuns(), Is.Empty);
    }

    [Test]
    public void Submit_MoreConcurrentIterationsThanClusterNodes_Refused()
    {
        var cluster = (AmlCompute)ComputeTarget.Create(Ws, "small-cluster", AmlCompute.ProvisioningConfiguration(vmSize: "Standard_D2_v2", maxNodes: 2));

        Assert.That(() => new Experiment(Ws, "automl-cluster").Submit(Config(TestData.HeartFailure(), computeTarget: cluster, maxConcurrentIterations: 3)),
            Throws.TypeOf<ConfigException>().With.Message.StartsWith("maxConcurrentIterations (3) is more than the compute target 'small-cluster' has nodes (maxNodes 2)"));
    }
}
