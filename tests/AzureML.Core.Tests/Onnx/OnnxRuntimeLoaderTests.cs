using AzureML.Core.Onnx;
using NUnit.Framework;

namespace AzureML.Core.Tests.Onnx;

[TestFixture]
public class OnnxRuntimeLoaderTests
{
    [Test]
    public void Locate_ConfiguredPathMissing_ThrowsSayingHowToFix()
    {
        string missing = Path.Combine(Path.GetTempPath(), "nowhere-" + Guid.NewGuid(), "libonnxruntime.so.1");

        var error = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntimeLocator.Locate(missing));

        Assert.That(error, Is.InstanceOf<AzureMLException>());
        Assert.That(error!.Message, Does.Contain(missing).And.Contain("AZUREML_ONNXRUNTIME_PATH"));
    }

    [Test]
    public void Locate_NoConfiguredPath_FindsLibraryCopiedNextToAssemblies()
    {
        string? configured = System.Environment.GetEnvironmentVariable(OnnxRuntimeLocator.EnvironmentVariable);
        Assume.That(configured, Is.Null.Or.Empty, "AZUREML_ONNXRUNTIME_PATH overrides the search");

        string found = OnnxRuntimeLocator.Locate();

        Assert.That(Path.GetDirectoryName(found), Is.EqualTo(Path.GetDirectoryName(typeof(OnnxModel).Assembly.Location)));
    }

    [Test]
    public void Load_FileThatIsNotALibrary_ThrowsUnavailable()
    {
        using var folder = new TestFolder();
        string fake = folder.Write("libonnxruntime.so.1", "not a shared library");

        var error = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntimeLibrary.Load(fake));

        Assert.That(error!.Message, Does.Contain(fake).And.Contain("AZUREML_ONNXRUNTIME_PATH"));
    }

    [Test]
    public void Shared_LoadsVersion130AndPassesStartupChecks()
    {
        OnnxRuntimeLibrary library = OnnxRuntime.Shared.Library;

        Assert.That(library.Version, Does.StartWith("1.30."));
        Assert.That(library.BuildInfo, Does.StartWith("ORT Build Info"));
    }
}
