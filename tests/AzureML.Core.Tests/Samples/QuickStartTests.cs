using NUnit.Framework;

namespace AzureML.Core.Tests.Samples;

[Category("Integration")]
public class QuickStartTests
{
    [Test]
    public void QuickStart_RunsEndToEndOnALocalWorkspace()
    {
        using var folder = new TestFolder();
        (int exitCode, string output, string errors) = SampleRunner.Run("QuickStart", folder.Path, folder.Combine("ws"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), output + errors);
            Assert.That(output, Does.Contain("Accuracy of SVM classifier on test set"));
            Assert.That(output, Does.Contain("Status: Completed"));
            Assert.That(output, Does.Contain("Kernel type: linear"));
            Assert.That(output, Does.Match(@"Accuracy: (0\.\d+|1)"));
            Assert.That(output, Does.Match(@"Class counts: \[\d+, \d+, \d+\]"), "a list metric prints its values");
            Assert.That(output, Does.Match(@"Python: \S+ \(Python 3\.\d+\.\d+\) for environment 'sklearn-env'"), "the streamed output says which interpreter runs the script");
            Assert.That(output, Does.Contain("outputs/model.joblib"));
            Assert.That(output, Does.Contain("Registered model sklearn-iris:1"));
            Assert.That(output, Does.Match(@"Predictions from http://127\.0\.0\.1:\d+/score: \{""result"": \[0, 1, 2\]"));
            Assert.That(output, Does.Contain("Deleted service scikit-learn-service"));
        });
    }
}
