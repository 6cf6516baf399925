using System.Collections;
using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

[TestFixture(true)]
[TestFixture(false)]
public class RunTests : LocalWorkspaceTest
{
    private readonly bool _async;

    public RunTests(bool isAsync) => _async = isAsync;

    private Run Start() => new Experiment(Ws, "interactive").StartLogging();

    private async Task Log(Run run, string name, object? value, long? step = null)
    {
        if (_async) await run.LogAsync(name, value, step: step);
        else run.Log(name, value, step: step);
    }

    private async Task<IReadOnlyDictionary<string, object>> Metrics(Run run, string? name = null, bool recursive = false)
        => _async ? await run.GetMetricsAsync(name, recursive) : run.GetMetrics(name, recursive);

    [Test]
    public async Task Log_ScalarsOfEachType_ReadBackWithTheirTypes()
    {
        Run run = Start();

        await Log(run, "int", 42);
        await Log(run, "long", 1L << 40);
        await Log(run, "double", 0.1);
        await Log(run, "whole-double", 2.0);
        await Log(run, "float", 0.5f);
        await Log(run, "text", "svc");
        await Log(run, "bool", false);
        await Log(run, "nothing", null);
        await Log(run, "nan", double.NaN);
        await Log(run, "infinity", double.PositiveInfinity);
        IReadOnlyDictionary<string, object> metrics = await Metrics(run);

        Assert.Multiple(() =>
        {
            Assert.That(metrics["int"], Is.TypeOf<long>().And.EqualTo(42L));
            Assert.That(metrics["long"], Is.EqualTo(1L << 40));
            Assert.That(metrics["double"], Is.TypeOf<double>().And.EqualTo(0.1));
            Assert.That(metrics["whole-double"], Is.TypeOf<double>().And.EqualTo(2.0));
            Assert.That(metrics["float"], Is.EqualTo(0.5));
            Assert.That(metrics["text"], Is.EqualTo("svc"));
            Assert.That(metrics["bool"], Is.EqualTo(false));
            Assert.That(metrics.ContainsKey("nothing") && metrics["nothing"] is null, Is.True);
            Assert.That(metrics["nan"], Is.TypeOf<double>().And.NaN);
            Assert.That(metrics["infinity"], Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public async Task Log_SameNameTwice_MakesASeriesInOrder()
    {
        Run run = Start();
        for (int i = 0; i < 5; i++) await Log(run, "loss", 1.0 / (i + 1), step: i);

        Assert.That((await Metrics(run, "loss"))["loss"], Is.EqualTo(new object[] { 1.0, 0.5, 1.0 / 3, 0.25, 0.2 }));
    }

    [Test]
    public void LogListRowTableAndImage_FoldLikeAzureMLCore()
    {
        Run run = Start();
        string png = Folder.Write("plot.png", "not really a png");

        run.LogList("values", new[] { 1, 2, 3 });
        run.LogRow("epochs", new { epoch = 1, loss = 0.5 });
        run.LogRow("epochs", new Dictionary<string, object?> { ["epoch"] = 2L, ["loss"] = 0.25, ["note"] = "late column" });
        run.LogTable("table", new Dictionary<string, IEnumerable> { ["x"] = new[] { 1, 2 }, ["y"] = new[] { "a", "b" } });
        run.LogImage("plot", png);
        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();

        var epochs = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["epochs"]!;
        var table = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["table"]!;
        Assert.Multiple(() =>
        {
            Assert.That(metrics["values"], Is.EqualTo(new object[] { 1L, 2L, 3L }));
            Assert.That(epochs["epoch"], Is.EqualTo(new object[] { 1L, 2L }));
            Assert.That(epochs["loss"], Is.EqualTo(new object[] { 0.5, 0.25 }));
            Assert.That(epochs["note"], Is.EqualTo(new object?[] { null, "late column" }));
            Assert.That(table["y"], Is.EqualTo(new object[] { "a", "b" }));
            Assert.That(run.GetFileNames(), Does.Contain((string)metrics["plot"]!));
        });
    }

    [Test]
    public void Log_UnsupportedValue_NamesTheMetric()
    {
        Run run = Start();

        Assert.That(() => run.Log("weights", new[] { 1, 2 }), Throws.ArgumentException.With.Message.Contains("'weights'").And.Message.Contains("LogList"));
    }

    [Test]
    public void AddProperties_SameKeyDifferentValue_IsRefused()
    {
        Run run = Start();
        run.AddProperties(new Dictionary<string, string> { ["model_name"] = "m1" });
        run.AddProperties(new Dictionary<string, string> { ["model_name"] = "m1" });

        Assert.Multiple(() =>
        {
            Assert.That(() => run.AddProperties(new Dictionary<string, string> { ["model_name"] = "m2" }),
                Throws.TypeOf<UserErrorException>().With.Message.Contains("immutable"));
            Assert.That(run.GetProperties()["model_name"], Is.EqualTo("m1"));
        });
    }

    [Test]
    public void Tags_TagSetRemove_Persist()
    {
        Run run = Start();

        run.Tag("flag");
        run.SetTags(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        run.RemoveTags(new[] { "b" });

        Assert.That(Ws.GetRun(run.Id).Tags, Is.EquivalentTo(new Dictionary<string, string> { ["flag"] = "", ["a"] = "1" }));
    }

    [Test]
    public async Task UploadAndDownload_FilesAndFolders_RoundTrip()
    {
        Run run = Start();
        string file = Folder.Write("local/report.txt", "report");
        Folder.Write("folder/a.txt", "A");
        Folder.Write("folder/sub/b.txt", "B");

        if (_async) await run.UploadFileAsync("outputs/report.txt", file); else run.UploadFile("outputs/report.txt", file);
        run.UploadFolder("outputs/data", Folder.Combine("folder"));
        string single = run.DownloadFile("outputs/report.txt", Folder.Combine("report-copy.txt"));
        IReadOnlyList<string> many = run.DownloadFiles(prefix: "outputs/data", outputDirectory: Folder.Combine("dl"));

        Assert.Multiple(() =>
        {
            Assert.That(run.GetFileNames(), Is.EqualTo(new[] { "outputs/data/a.txt", "outputs/data/sub/b.txt", "outputs/report.txt" }));
            Assert.That(File.ReadAllText(single), Is.EqualTo("report"));
            Assert.That(many.Select(File.ReadAllText), Is.EqualTo(new[] { "A", "B" }));
            Assert.That(File.Exists(Folder.Combine("dl", "outputs", "data", "sub", "b.txt")), Is.True);
            Assert.That(() => run.UploadFile("outputs/report.txt", file), Throws.TypeOf<UserErrorException>().With.Message.Contains("write-once"));
            Assert.That(() => run.UploadFile("../escape.txt", file), Throws.TypeOf<UserErrorException>().With.Message.Contains(".."));
            Assert.That(() => run.DownloadFile("outputs/missing.txt"), Throws.TypeOf<UserErrorException>().With.Message.Contains("GetFileNames"));
        });
    }

    [Test]
    public void Children_CreatedLoggedAndFoundRecursively()
    {
        Run parent = Start();
        Run child = parent.Child("trial-1");
        child.Log("auc", 0.8);
        IReadOnlyList<Run> more = parent.CreateChildren(tagKey: "fold", tagValues: new[] { "1", "2" });
        Run grandchild = child.Child();
        grandchild.Log("auc", 0.9);
        child.Complete();

        IReadOnlyDictionary<string, object> recursive = parent.GetMetrics(recursive: true);

        Assert.Multiple(() =>
        {
            Assert.That(parent.GetChildren().Select(c => c.Id), Is.EqualTo(new[] { child.Id }.Concat(more.Select(m => m.Id))));
            Assert.That(parent.GetChildren(recursive: true), Has.Count.EqualTo(4));
            Assert.That(more.Select(m => m.Tags["fold"]), Is.EqualTo(new[] { "1", "2" }));
            Assert.That(child.Parent!.Id, Is.EqualTo(parent.Id));
            Assert.That(child.GetStatus(), Is.EqualTo(RunStatus.Completed));
            Assert.That(((IReadOnlyDictionary<string, object?>)recursive[grandchild.Id]!)["auc"], Is.EqualTo(0.9));
            Assert.That(recursive.Keys.Count(), Is.EqualTo(5));
        });
    }

    [Test]
    public void CompleteAndFail_AreTerminalAndRecorded()
    {
        Run ok = Start();
        Run bad = Start();

        ok.Complete();
        bad.Fail("diverged", "TrainingError");
        bad.Complete(); // a terminal run keeps its status

        RunDetails details = bad.GetDetails();
        Assert.Multiple(() =>
        {
            Assert.That(ok.GetStatus(), Is.EqualTo(RunStatus.Completed));
            Assert.That(details.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(details.Error, Is.EqualTo(new RunError("TrainingError", "diverged")));
            Assert.That(details.EndTimeUtc, Is.Not.Null);
            Assert.That(details.StatusHistory.Select(s => s.Status), Is.EqualTo(new[] { RunStatus.NotStarted, RunStatus.Running, RunStatus.Failed }));
        });
    }

    [Test]
    public void GetDetails_ToString_ShowsStatusTimesHistoryAndError()
    {
        Run run = Start();
        run.Fail("diverged", "TrainingError");

        string text = run.GetDetails().ToString();

        string[] lines = text.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo($"Run {run.Id}: Failed (target local)"));
            Assert.That(lines, Has.Some.Match(@"^  started 20\d\d-\d\d-\d\d \d\d:\d\d:\d\dZ$"));
            Assert.That(lines, Has.Some.Match(@"^  ended   20\d\d-\d\d-\d\d \d\d:\d\d:\d\dZ \(\d+\.\d s\)$"));
            Assert.That(lines, Has.Some.Match(@"^  history NotStarted \d\d:\d\d:\d\d > Running \d\d:\d\d:\d\d > Failed \d\d:\d\d:\d\d$"));
            Assert.That(lines, Has.Some.EqualTo("  error   TrainingError: diverged"));
        });
    }

    [Test]
    public void Child_RunIdThatIsNotAName_IsRefused()
    {
        Run parent = Start();

        Assert.That(() => parent.Child(runId: "../../escape"), Throws.TypeOf<UserErrorException>().With.Message.Contains("'../../escape'"));
    }

    [Test]
    public void GetRun_UnknownId_ThrowsNotFound()
    {
        Assert.That(() => Ws.GetRun("nope_1_abc"), Throws.TypeOf<RunNotFoundException>().With.Message.Contains("nope_1_abc"));
    }

    [Test]
    public void RunStatus_HasTheFifteenAzureMLValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RunStatus.All.Select(s => s.ToString()), Is.EquivalentTo(new[]
            {
                "NotStarted", "Queued", "Preparing", "Provisioning", "Starting", "Running", "CancelRequested", "Canceled",
                "Finalizing", "Completed", "Failed", "Unapproved", "NotResponding", "Pausing", "Paused",
            }));
            Assert.That(RunStatus.All.Where(s => s.IsTerminal), Is.EquivalentTo(new[] { RunStatus.Completed, RunStatus.Failed, RunStatus.Canceled }));
        });
    }
}
