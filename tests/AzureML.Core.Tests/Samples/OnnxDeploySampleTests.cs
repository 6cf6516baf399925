using AzureML.TestUtilities;
using Onnx;
using NUnit.Framework;

namespace AzureML.Core.Tests.Samples;

[Category("Integration")]
public class OnnxDeploySampleTests
{
    private static string SampleModel => Path.Combine(RepositoryPaths.Root, "samples", "OnnxDeploy", "model", "iris.onnx");

    [Test]
    public void SampleModel_IsTheIrisClassifierTheServiceTestsBuild()
    {
        ModelProto sample = ModelProto.Parser.ParseFrom(File.ReadAllBytes(SampleModel));

        // Field by field, not byte by byte: protobuf writers may order fields differently. To regenerate after changing
        // the model: ServiceTestModels.IrisClassifier().Save("samples/OnnxDeploy/model/iris.onnx").
        Assert.That(sample, Is.EqualTo(ServiceTestModels.IrisClassifier()));
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
