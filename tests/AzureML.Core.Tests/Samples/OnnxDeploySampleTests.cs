using AzureML.Core.Tests.Webservices;
using NUnit.Framework;

namespace AzureML.Core.Tests.Samples;

[Category("Integration")]
public class OnnxDeploySampleTests
{
    private static string SampleModel => Path.Combine(RepositoryPaths.Root, "samples", "OnnxDeploy", "model", "iris.onnx");

    [Test]
    public void SampleModel_IsWhatTheSdksOwnOnnxWriterProduces()
    {
        using var folder = new TestFolder();
        string generated = ServiceTestModels.WriteIrisClassifier(folder.Path);

        // To regenerate after changing the model: copy `generated` over samples/OnnxDeploy/model/iris.onnx.
        Assert.That(File.ReadAllBytes(SampleModel), Is.EqualTo(File.ReadAllBytes(generated)));
    }

    [Test]
    public void OnnxDeploy_RegistersDeploysScoresAndDeletes()
    {
        using var folder = new TestFolder();
        (int exitCode, string output, string errors) = SampleRunner.Run("OnnxDeploy", folder.Path, folder.Combine("ws"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), output + errors);
            Assert.That(output, Does.Contain("Registered model iris-onnx:1"));
            Assert.That(output, Does.Contain("Healthy"));
            Assert.That(output, Does.Contain("\"result\":[\"setosa\",\"virginica\"]"));
            Assert.That(output, Does.Contain("Deleted service iris-onnx-service"));
        });
    }
}
