using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

[Category("Integration")]
public class CSharpScriptRunTests
{
    [Test]
    public void Submit_CSharpFileBasedApp_LogsThroughRunGetContext()
    {
        using var folder = new TestFolder();
        Workspace workspace = Workspace.Local(folder.Combine("ws"));
        folder.Write("src/train.cs", $$"""
            #:project {{RepositoryPaths.CoreProject}}
            using System.Collections;
            using AzureML.Core;

            Run run = Run.GetContext();
            run.Log("accuracy", 0.91);
            run.Log("accuracy", 0.93);
            run.Log("epochs", 10);
            run.LogList("losses", new[] { 0.5, 0.25 });
            run.LogRow("per_class", new { cls = "setosa", f1 = 1.0 });
            run.LogTable("confusion", new Dictionary<string, IEnumerable> { ["actual"] = new[] { "a", "b" }, ["count"] = new[] { 3, 4 } });
            run.Tag("lang", "csharp");
            run.AddProperties(new Dictionary<string, string> { ["algorithm"] = "svc" });
            Directory.CreateDirectory("outputs");
            File.WriteAllText("outputs/model.txt", "model");
            Console.WriteLine($"args: {string.Join("|", args)} offline: {run.IsOffline}");
            """);

        Run run = new Experiment(workspace, "csharp").Submit(new ScriptRunConfig(folder.Combine("src"), "train.cs", arguments: new object[] { "--alpha", "0.5 x" }));
        var lines = new List<string>();
        RunDetails details = run.WaitForCompletionAsync(lines.Add, raiseOnError: false).GetAwaiter().GetResult();

        IReadOnlyDictionary<string, object> metrics = run.GetMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(metrics["accuracy"], Is.EqualTo(new object[] { 0.91, 0.93 }));
            Assert.That(metrics["epochs"], Is.EqualTo(10L));
            Assert.That(metrics["losses"], Is.EqualTo(new object[] { 0.5, 0.25 }));
            Assert.That(((IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["per_class"]!)["cls"], Is.EqualTo(new object[] { "setosa" }));
            Assert.That(((IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["confusion"]!)["count"], Is.EqualTo(new object[] { 3L, 4L }));
            Assert.That(run.GetTags()["lang"], Is.EqualTo("csharp"));
            Assert.That(run.GetProperties()["algorithm"], Is.EqualTo("svc"));
            Assert.That(run.GetFileNames(), Does.Contain("outputs/model.txt"));
            Assert.That(lines, Has.Some.EqualTo("args: --alpha|0.5 x offline: False"));
        });
    }
}
