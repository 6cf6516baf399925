using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AzureML.Core.Interactive.Tests.Browser;
using Microsoft.DotNet.Interactive.Documents;
using NUnit.Framework;

using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests.Notebooks;

/// <summary>
/// Every notebook of samples/notebooks, run headless cell by cell in a C# kernel against the SDK packed into a
/// temporary feed, as shipped (local workspace from its config.json): no error output, and the outputs a reader checks.
/// </summary>
[TestFixture]
[Category("Integration")]
public class NotebookTests
{
    private TestFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TestFolder();

    [TearDown]
    public void Delete() => _folder.Dispose();

    [Test]
    public async Task TrainSklearnIris_TrainsRegistersDeploysAndScores()
    {
        ExecutedNotebook notebook = ExecutedNotebook.RunCopy("train-sklearn-iris.ipynb", _folder.Path, NotebookPackages.Feed);

        InteractiveDocumentElement details = notebook.Cell("new RunDetails(run).Show();");
        string detailsHtml = ExecutedNotebook.Outputs(details, "text/html").Single();
        Assert.Multiple(() =>
        {
            Assert.That(notebook.Run.ExitCode, Is.EqualTo(0), notebook.Run.ToString());
            Assert.That(notebook.Errors, Is.Empty);
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("#r"), "text/html").Single(), Does.Contain($"AzureML.Core.Interactive, {NotebookPackages.Feed.Version}"));
            Assert.That(detailsHtml, Does.Contain("data-state=\"Completed\"").And.Contain("data-title=\"Fold accuracy\"").And.Contain("Accuracy of SVM classifier on test set"));
            Assert.That(ExecutedNotebook.Outputs(details, "text/plain").Single(), Does.Contain(": Completed").And.Contain("Output (last lines)"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("run.GetMetrics()"), "text/html").Single(), Does.Contain("Fold accuracy").And.Contain("Accuracy"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("var model = run.RegisterModel("), "text/html").Single(), Does.Contain("<code>sklearn-iris:1</code>"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("Webservice webService"), "text/html").Single(), Does.Contain("data-state=\"Healthy\"").And.Contain("curl -X POST"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("string result"), "text/plain").Single(), Is.EqualTo("{\"result\": [0, 1, 2]}"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("webService.Delete();"), "text/plain"), Has.Some.Contains("Deleted scikit-learn-service"));
        });

        // The widget's last state, as a front end shows it: every chart drawn, no script error; the screenshot is the README's.
        await using ViewPage page = await ViewPage.OpenAsync(detailsHtml, _folder.Path);
        ChartMeasure[] charts = await page.Page.EvaluateAsync<ChartMeasure[]>(ChartMeasure.Script);
        await page.ScreenshotAsync("train-sklearn-iris-rundetails");
        Assert.That(charts.Select(c => c.Title), Is.EquivalentTo(new[] { "Class counts", "Fold accuracy" }));
        Assert.That(charts.Select(c => c.WidestPath), Has.All.GreaterThan(100));
        Assert.That(page.Errors, Is.Empty);
    }

    [Test]
    public void DeployOnnx_ServiceAnswersLikeInProcessOnnxRuntime()
    {
        ExecutedNotebook notebook = ExecutedNotebook.RunCopy("deploy-onnx.ipynb", _folder.Path, NotebookPackages.Feed);

        Assert.Multiple(() =>
        {
            Assert.That(notebook.Run.ExitCode, Is.EqualTo(0), notebook.Run.ToString());
            Assert.That(notebook.Errors, Is.Empty);
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("var model = Model.Register("), "text/html").Single(), Does.Contain("<code>iris-onnx:1</code>"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("float[][] rows"), "text/plain").Single(), Does.StartWith("{\"result\":[\"setosa\",\"virginica\",\"versicolor\"]"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("using Microsoft.ML.OnnxRuntime;"), "text/plain"), Has.Some.Contains("The service and ONNX Runtime agree on every row."));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("service.Delete();"), "text/plain"), Has.Some.Contains("Deleted iris-onnx-service"));
        });
    }

    [Test]
    public async Task HeartFailureAutoML_FindsABestModelDeploysItsScoringFileAndAnswersInTheLabelsType()
    {
        ExecutedNotebook notebook = ExecutedNotebook.RunCopy("heart-failure-automl.ipynb", _folder.Path, NotebookPackages.Feed);

        InteractiveDocumentElement details = notebook.Cell("AutoMLRun remoteRun");
        string detailsHtml = ExecutedNotebook.Outputs(details, "text/html").Single();
        string best = string.Concat(ExecutedNotebook.Outputs(notebook.Cell("var (bestRun, fittedModel)"), "text/plain"));
        Assert.Multiple(() =>
        {
            Assert.That(notebook.Run.ExitCode, Is.EqualTo(0), notebook.Run.ToString());
            Assert.That(notebook.Errors, Is.Empty);
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("var dataset = ws.Datasets"), "text/html").Single(), Does.Contain("ejection_fraction").And.Contain("mean"));
            Assert.That(Regex.Match(detailsHtml, "data-state=\"(\\w+)\"").Groups[1].Value, Is.EqualTo("Completed"), "the AutoML run's own state comes first");
            Assert.That(detailsHtml, Does.Contain("<th>AUC_weighted</th>").And.Contain("<tr class=\"azureml-best\">"), "trials ranked by the primary metric, the best marked");
            Assert.That(best, Does.Match(@"AUC_weighted (0\.\d+|1)\b"), "the best run's primary metric");
            Assert.That(best, Does.Contain("FittedModel(classification,").And.Contain("'DEATH_EVENT'"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("string modelName"), "text/html").Single(), Does.Match("<code>[^<:]+:1</code>"));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("var inferenceConfig"), "text/html").Single(), Does.Contain("data-state=\"Healthy\""));
            Assert.That(ExecutedNotebook.Outputs(notebook.Cell("aciService.Delete();"), "text/plain"), Has.Some.Contains("Deleted automl-hf-sdk"));
        });

        // The seed's answer: one prediction, in the label's own type (a boolean).
        JsonNode answer = JsonNode.Parse(ExecutedNotebook.Outputs(notebook.Cell("string response"), "text/plain").Single())!;
        Assert.That(answer["result"]!.AsArray().Select(v => v!.GetValueKind()), Is.EqualTo(new[] { System.Text.Json.JsonValueKind.False }).Or.EqualTo(new[] { System.Text.Json.JsonValueKind.True }));

        // The widget's last state: the best trial's ROC curve and confusion matrix, and the score of every iteration.
        await using ViewPage page = await ViewPage.OpenAsync(detailsHtml, _folder.Path);
        ChartMeasure[] charts = await page.Page.EvaluateAsync<ChartMeasure[]>(ChartMeasure.Script);
        int matrixCells = await page.Page.Locator("[data-chart=confusion-matrix] td").CountAsync();
        await page.ScreenshotAsync("heart-failure-automl-rundetails");
        Assert.That(charts.Select(c => c.Kind), Is.EquivalentTo(new[] { "iterations", "roc" }));
        Assert.That(charts.Select(c => c.Paths), Has.All.GreaterThan(5));
        Assert.That(matrixCells, Is.EqualTo(4), "two classes: a 2 x 2 confusion matrix");
        Assert.That(page.Errors, Is.Empty);
    }
}
