using AzureML.Widgets;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using NUnit.Framework;

using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests.Widgets;

// Inside AzureML.Core the core RunDetails would win over an alias declared outside the namespace.
using RunDetails = AzureML.Widgets.RunDetails;

[TestFixture]
public class RunDetailsTests : LocalWorkspaceTest
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [Test]
    public void ToString_FinishedRun_ShowsStatusMetricsAndSeries()
    {
        Run run = SampleRuns.Training(Ws);

        string text = new RunDetails(run).ToString();

        string[] lines = text.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo($"Run {run.Id} (train-sklearn #1, interactive): Completed"));
            Assert.That(lines, Has.Some.Match(@"^  duration  \d+ ms$|^  duration  \d+\.\d s$"));
            Assert.That(lines, Has.Some.Match(@"^  Accuracy +0\.973684$"));
            Assert.That(lines, Has.Some.Match(@"^  Penalty +1\.0$"), "a whole double reads as the double it is");
            Assert.That(lines, Has.Some.Match(@"^  loss +6 values, last 0\.29$"));
        });
    }

    [Test]
    public void ToString_AutoMLRun_ListsTheTrials()
    {
        Run run = SampleRuns.AutoML(Ws);

        string text = new RunDetails(run).ToString();

        Assert.That(text, Does.Contain("Trials (3)\n  RANK  ITER  ALGORITHM").And.Match(@"\n  1 +1 +LogisticRegression .* best"));
    }

    [Test]
    [Category("Integration")]
    public async Task Show_InAKernel_OneDisplayUpdatesInPlaceUntilTheRunEnds()
    {
        using var kernel = new CSharpKernel().UseKernelHelpers();
        kernel.AddAssemblyReferences([typeof(Run).Assembly.Location, typeof(RunDetails).Assembly.Location]);
        Run run = new Experiment(Ws, "live").StartLogging();
        await kernel.SetValueAsync("run", run, typeof(Run));
        var produced = new TaskCompletionSource<DisplayedValueProduced>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawLoss = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var updates = new List<DisplayedValueUpdated>();
        using IDisposable subscription = kernel.KernelEvents.Subscribe(e =>
        {
            if (e is DisplayedValueProduced { Value: RunDetails } first) produced.TrySetResult(first);
            if (e is DisplayedValueUpdated update)
            {
                lock (updates) updates.Add(update);
                if (Html(update).Contains("data-title=\"loss\"", StringComparison.Ordinal)) sawLoss.TrySetResult();
            }
        });

        Task<KernelCommandResult> cell = kernel.SendAsync(new SubmitCode(
            "new AzureML.Widgets.RunDetails(run) { RefreshInterval = TimeSpan.FromMilliseconds(100) }.Show();"));
        DisplayedValueProduced shown = await produced.Task.WaitAsync(s_patience);
        run.Log("loss", 0.5);
        run.Log("loss", 0.4);
        await sawLoss.Task.WaitAsync(s_patience);
        run.Complete();
        KernelCommandResult result = await cell.WaitAsync(s_patience);

        DisplayedValueUpdated[] seen;
        lock (updates) seen = updates.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Events.OfType<CommandFailed>(), Is.Empty, string.Join("\n", result.Events.OfType<CommandFailed>().Select(f => f.Message)));
            Assert.That(Html(shown), Does.Contain("data-state=\"Running\""));
            Assert.That(seen.Select(u => u.ValueId).Distinct(), Is.EqualTo(new[] { shown.ValueId }), "every update replaces the one display");
            Assert.That(Html(seen[^1]), Does.Contain("data-state=\"Completed\"").And.Contain("data-chart=\"series\""));
            Assert.That(seen[^1].FormattedValues.Single(v => v.MimeType == PlainTextFormatter.MimeType).Value, Does.Contain(": Completed"));
        });
    }

    private static string Html(DisplayEvent e) => e.FormattedValues.Single(v => v.MimeType == HtmlFormatter.MimeType).Value;
}
