using AzureML.Core;
using AzureML.Core.Data;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Api;

[TestFixture]
[Category("Integration")]
public class AutoMLRunTests : LocalWorkspaceTest
{
    [Test]
    public void Submit_HeartFailureDataFrame_CompletesWithChildRunsAndModels()
    {
        // Arrange
        var config = new AutoMLConfig(task: "classification", trainingData: TestData.HeartFailure(), labelColumnName: "DEATH_EVENT",
            primaryMetric: "AUC_weighted", iterations: 6, nCrossValidations: 3, debugLog: Folder.Combine("automl.log"), path: Folder.Combine("project"));

        // Act
        var run = (AutoMLRun)new Experiment(Ws, "automl-heart").Submit(config);
        var lines = new List<string>();
        run.WaitForCompletionAsync(lines.Add).GetAwaiter().GetResult();

        // Assert
        TestContext.Out.WriteLine(string.Join("\n", lines));
        IReadOnlyList<Run> children = run.GetChildren();
        Assert.That(children.Select(c => c.Id), Is.EqualTo(new[] { run.Id + "_setup" }.Concat(Enumerable.Range(0, 6).Select(i => $"{run.Id}_{i}"))));
        (Run best, FittedModel model) = run.GetOutput();
        Assert.That(model.Predict(TestData.HeartFailure()), Has.Count.EqualTo(299));
        Assert.That(lines, Has.Some.Contains("ITER"));
    }
}
