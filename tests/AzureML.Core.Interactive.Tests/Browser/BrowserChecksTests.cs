using AzureML.Core.Data;
using AzureML.Core.Interactive.Charts;
using AzureML.Core.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting;
using NUnit.Framework;

using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests.Browser;

/// <summary>The views as a notebook front end shows them: opened in headless Chromium, measured, and photographed.</summary>
[TestFixture]
[Category("Integration")]
public class BrowserChecksTests : LocalWorkspaceTest
{
    [OneTimeSetUp]
    public void Register() => AzureMLFormatters.Register();

    [Test]
    public async Task FinishedRunWithASeries_ChartsAreDrawnAtTheirSizeWithoutScriptErrors()
    {
        string html = SampleRuns.Training(Ws).ToDisplayString(HtmlFormatter.MimeType);

        await using ViewPage view = await ViewPage.OpenAsync(html, Folder.Path);
        ChartMeasure[] charts = await view.Page.EvaluateAsync<ChartMeasure[]>(ChartMeasure.Script);
        string screenshot = await view.ScreenshotAsync("run-with-series");

        Assert.Multiple(() =>
        {
            Assert.That(charts.Select(c => (c.Kind, c.Title)), Is.EquivalentTo(new[] { ("series", "learning rate"), ("series", "loss") }));
            AssertDrawn(charts);
            Assert.That(view.Errors, Is.Empty);
            Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000));
        });
    }

    [Test]
    public async Task AutoMLRun_IterationAndRocChartsAndTheConfusionMatrixAreDrawn()
    {
        string html = SampleRuns.AutoML(Ws).ToDisplayString(HtmlFormatter.MimeType);

        await using ViewPage view = await ViewPage.OpenAsync(html, Folder.Path);
        ChartMeasure[] charts = await view.Page.EvaluateAsync<ChartMeasure[]>(ChartMeasure.Script);
        int matrixCells = await view.Page.Locator("[data-chart=confusion-matrix] td").CountAsync();
        float? matrixHeight = (await view.Page.Locator("[data-chart=confusion-matrix] table").BoundingBoxAsync())?.Height;
        await view.ScreenshotAsync("automl-run");

        Assert.Multiple(() =>
        {
            Assert.That(charts.Select(c => c.Kind), Is.EquivalentTo(new[] { "iterations", "roc" }));
            AssertDrawn(charts);
            Assert.That(matrixCells, Is.EqualTo(4));
            Assert.That(matrixHeight, Is.GreaterThan(30));
            Assert.That(view.Errors, Is.Empty);
        });
    }

    [Test]
    public async Task PagedDataFrame_NextShowsTheSecondPage()
    {
        var frame = new DataFrame([DataFrameColumn.OfInt64("n", Enumerable.Range(0, 45).Select(i => (long?)i))]);

        await using ViewPage view = await ViewPage.OpenAsync(frame.ToDisplayString(HtmlFormatter.MimeType), Folder.Path);
        await view.Page.Locator("button[data-step='1']").ClickAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await view.Page.Locator(".azureml-page-label").TextContentAsync(), Is.EqualTo("page 2 of 3"));
            Assert.That(await view.Page.Locator("[data-page='1']").IsVisibleAsync(), Is.True);
            Assert.That(await view.Page.Locator("[data-page='0']").IsVisibleAsync(), Is.False);
            Assert.That(view.Errors, Is.Empty);
        });
    }

    private static void AssertDrawn(IEnumerable<ChartMeasure> charts)
    {
        foreach (ChartMeasure chart in charts)
        {
            Assert.That(chart.Width, Is.EqualTo(SvgCharts.Width).Within(1), chart.Title);
            Assert.That(chart.Height, Is.EqualTo(SvgCharts.Height).Within(1), chart.Title);
            Assert.That(chart.Paths, Is.GreaterThan(5), $"{chart.Title}: axes, ticks and the data are paths");
            Assert.That(chart.WidestPath, Is.GreaterThan(SvgCharts.Width / 2), $"{chart.Title}: the data line spans the plot");
            Assert.That(chart.Texts, Is.GreaterThan(3), $"{chart.Title}: title and tick labels");
        }
    }
}
