using AzureML.Core.Interactive.Tests.Browser;
using Microsoft.DotNet.Interactive.Documents;
using NUnit.Framework;

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
}
