using System.Text.RegularExpressions;
using AzureML.Core.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting;
using NUnit.Framework;

using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests.Formatting;

[TestFixture]
public class RunViewTests : LocalWorkspaceTest
{
    [OneTimeSetUp]
    public void Register() => AzureMLFormatters.Register();

    [Test]
    public void Run_Html_ShowsStatusTimesMetricsAndAChartPerSeries()
    {
        Run run = SampleRuns.Training(Ws);

        string html = run.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"Run {run.Id}").And.Contain("data-state=\"Completed\""));
            Assert.That(html, Does.Contain("<th>Duration</th>").And.Contain("<th>Started</th>"));
            Assert.That(html, Does.Contain("<td>Kernel type</td><td>linear</td>").And.Contain("<td>Accuracy</td><td>0.973684</td>"));
            Assert.That(html, Does.Contain("<td>loss</td><td>6 values, last 0.29</td>"));
            Assert.That(Regex.Matches(html, "data-chart=\"series\"").Count, Is.EqualTo(2), "one chart for loss and one for the learning rate list");
            Assert.That(html, Does.Contain("data-title=\"loss\"").And.Contain("<svg"));
            Assert.That(html, Does.Contain("<th>class</th><th>f1</th>").And.Contain("<td>versicolor</td><td>0.93</td>"));
            Assert.That(html, Does.Not.Contain("<?xml"));
        });
    }

    [Test]
    public void Run_Html_EveryChartOnThePageRefersToItsOwnClipPaths()
    {
        string html = SampleRuns.Training(Ws).ToDisplayString(HtmlFormatter.MimeType);

        string[] ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        string[] references = Regex.Matches(html, "url\\(#([^)]+)\\)").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(references, Is.Not.Empty, "the charts clip their plot areas");
            Assert.That(ids, Is.Unique);
            Assert.That(references, Is.SubsetOf(ids));
        });
    }

    [Test]
    public void Run_PlainText_IsTheRunsOwnLine()
    {
        Run run = SampleRuns.Training(Ws);

        Assert.That(run.ToDisplayString(PlainTextFormatter.MimeType), Is.EqualTo(run.ToString()));
    }

    [Test]
    public void AutoMLRun_Html_RanksTrialsAndDrawsTheBestTrialsCurves()
    {
        Run run = SampleRuns.AutoML(Ws);

        string html = run.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Trials (3)").And.Not.Contain("_setup</code>"));
            Assert.That(Regex.Match(html, "<tr class=\"azureml-best\"><td>1</td><td>1</td><td>LogisticRegression").Success, Is.True, html);
            Assert.That(html, Does.Contain("data-chart=\"iterations\"").And.Contain("data-chart=\"roc\""));
            Assert.That(html, Does.Contain("data-chart=\"confusion-matrix\"").And.Contain(">180</td>").And.Contain(">73</td>"), "the best trial's (iteration 1) matrix");
        });
    }

    [Test]
    public void Experiment_Html_ListsItsRunsNewestFirst()
    {
        Run first = SampleRuns.Training(Ws);
        Run second = SampleRuns.Training(Ws);

        string html = first.Experiment.ToDisplayString(HtmlFormatter.MimeType);

        Assert.That(html, Does.Contain("Experiment train-sklearn"));
        Assert.That(html.IndexOf(second.Id, StringComparison.Ordinal), Is.LessThan(html.IndexOf(first.Id, StringComparison.Ordinal)).And.GreaterThan(0));
    }

    [Test]
    public void Model_Html_ShowsIdFrameworkRunAndFiles()
    {
        Run run = SampleRuns.Training(Ws);
        string file = Folder.Combine("model.onnx");
        File.WriteAllBytes(file, [1, 2, 3]);
        run.UploadFile("outputs/model.onnx", file);
        Model model = run.RegisterModel(modelName: "iris", modelPath: "outputs/model.onnx", modelFramework: Model.Framework.Onnx, tags: new Dictionary<string, string> { ["area"] = "iris" });

        string html = model.ToDisplayString(HtmlFormatter.MimeType);

        Assert.That(html, Does.Contain("Model iris").And.Contain("<code>iris:1</code>").And.Contain("Onnx").And.Contain($"<code>{run.Id}</code>")
            .And.Contain("<code>area</code>: iris").And.Contain("model.onnx</code>"));
    }

    [Test]
    public void WorkspaceEnvironmentAndRunDetails_Html_AreShortPropertyLists()
    {
        Run run = SampleRuns.Training(Ws);
        string conda = System.IO.Path.Combine(Folder.Path, "env.yml");
        File.WriteAllText(conda, "name: sklearn\ndependencies:\n  - python=3.11\n  - scikit-learn\n");
        var environment = AzureML.Core.Environment.FromCondaSpecification(name: "myenv", filePath: conda);

        Assert.Multiple(() =>
        {
            Assert.That(Ws.ToDisplayString(HtmlFormatter.MimeType), Does.Contain("Workspace local").And.Contain($"<code>{Ws.LocalPath}</code>").And.Not.Contain("dni-treeview"));
            Assert.That(environment.ToDisplayString(HtmlFormatter.MimeType), Does.Contain("Environment myenv").And.Contain("- scikit-learn"));
            Assert.That(run.GetDetails().ToDisplayString(HtmlFormatter.MimeType), Does.Contain("data-state=\"Completed\"").And.Contain("  history NotStarted"));
            Assert.That(run.GetDetails().ToDisplayString(PlainTextFormatter.MimeType), Is.EqualTo(run.GetDetails().ToString()));
        });
    }
}
