using NUnit.Framework;

namespace AzureML.Core.Tests.Experiments;

[Category("Integration")]
public class ScriptRunTests
{
    private TestFolder _folder = null!;
    private Workspace _workspace = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TestFolder();
        _workspace = Workspace.Local(_folder.Combine("ws"));
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private string SourceWith(string name, string content)
    {
        _folder.Write(System.IO.Path.Combine("src", name), content);
        return _folder.Combine("src");
    }

    private static string TestScript(string name) => File.ReadAllText(System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "scripts", name));

    [Test]
    public void Submit_UnmodifiedAzureMLScript_MetricsTagsPropertiesAndFilesReadBackExactly()
    {
        string source = SourceWith("train.py", TestScript("log_everything.py"));
        var config = new ScriptRunConfig(sourceDirectory: source, script: "train.py", arguments: new object[] { "--C", 0.5, "two words" });

        Run run = new Experiment(_workspace, "train-sklearn").Submit(config);
        var lines = new List<string>();
        RunDetails details = run.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();

        IReadOnlyDictionary<string, object?> metrics = run.GetMetrics();
        Assert.Multiple(() =>
        {
            Assert.That(details.Status, Is.EqualTo(RunStatus.Completed), string.Join("\n", lines));
            Assert.That(metrics["accuracy"], Is.EqualTo(new object[] { 0.91, 0.93 }));
            Assert.That(metrics["epochs"], Is.EqualTo(10L));
            Assert.That(metrics["name"], Is.EqualTo("svc"));
            Assert.That(metrics["flag"], Is.EqualTo(true));
            Assert.That(metrics["losses"], Is.EqualTo(new object[] { 0.5, 0.25, 0.125 }));
            var perClass = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["per_class"]!;
            Assert.That(perClass["cls"], Is.EqualTo(new object[] { "setosa", "virginica" }));
            Assert.That(perClass["f1"], Is.EqualTo(new object[] { 1.0, 0.9 }));
            var confusion = (IReadOnlyDictionary<string, IReadOnlyList<object?>>)metrics["confusion"]!;
            Assert.That(confusion["actual"], Is.EqualTo(new object[] { "a", "b" }));
            Assert.That(confusion["count"], Is.EqualTo(new object[] { 3L, 4L }));
            Assert.That((string)metrics["roc"]!, Does.StartWith("images/roc/").And.EndWith(".png"));
            Assert.That(run.GetTags(), Does.ContainKey("framework").WithValue("sklearn"));
            Assert.That(run.Tags["stage"], Is.EqualTo("dev"));
            Assert.That(run.GetProperties()["algorithm"], Is.EqualTo("svc"));
            Assert.That(run.GetFileNames(), Does.Contain("outputs/model.txt").And.Contain("extra/notes.txt").And.Contain("user_logs/std_log.txt").And.Contain((string)metrics["roc"]!));
            Assert.That(lines, Has.Some.EqualTo("args: ['--C', '0.5', 'two words']"));
            Assert.That(lines, Has.Some.StartWith("experiment: train-sklearn id: " + run.Id));
        });
    }
}
