using System.Runtime.InteropServices;
using AzureML.TestUtilities;
using AzureML.TestUtilities.Packaging;
using NUnit.Framework;

namespace AzureML.Core.Tests.Packaging;

/// <summary>
/// The AzureML.Core package as a user gets it: packed from this repository into a folder feed and installed by
/// PackageReference into a fresh console project outside the repository, which then tracks a Python run and deploys,
/// scores and deletes an ONNX service with nothing but the package.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class AzureMLCorePackageTests
{
    private const string Program = """
        using AzureML.Core;
        using AzureML.Core.Webservices;

        var ws = Workspace.Local(args[0]);
        Run run = new Experiment(ws, "package-check").Submit(new ScriptRunConfig(sourceDirectory: args[1], script: "train.py"));
        run.WaitForCompletion();
        Console.WriteLine($"Run {run.GetStatus()} with accuracy {run.GetMetrics()["accuracy"]}");

        Model model = Model.Register(ws, modelPath: args[2], modelName: "iris-onnx", modelFramework: Model.Framework.Onnx);
        Console.WriteLine($"Registered {model.Id}");
        Webservice service = Model.Deploy(ws, "iris-from-package", new[] { model });
        service.WaitForDeployment();
        Console.WriteLine($"Service {service.State}");
        Console.WriteLine($"Scored {service.Run("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}")}");
        service.Delete();
        Console.WriteLine("Deleted the service");
        """;

    private LocalPackageFeed _feed = null!;

    [OneTimeSetUp]
    public void PackTheSdk() => _feed = LocalPackageFeed.Pack(RepositoryPaths.Root, "src/AzureML.Core/AzureML.Core.csproj");

    [OneTimeTearDown]
    public void DeleteTheFeed() => _feed.Dispose();

    [Test]
    public void Pack_AzureMLCore_HasDocsReadmeLicenceSymbolsAndTheOnnxHost()
    {
        string package = _feed.Packages.Single(p => Path.GetFileName(p) == $"AzureML.Core.{_feed.Version}.nupkg");
        using var archive = System.IO.Compression.ZipFile.OpenRead(package);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        string nuspec = new StreamReader(archive.GetEntry("AzureML.Core.nuspec")!.Open()).ReadToEnd();

        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("lib/net10.0/AzureML.Core.dll").And.Contain("lib/net10.0/AzureML.Core.xml").And.Contain("README.md"));
            Assert.That(entries, Does.Contain("buildTransitive/AzureML.Core.targets"));
            Assert.That(entries, Does.Contain("tools/azureml-onnx-host/AzureML.Core.Hosting.dll").And.Contain("tools/azureml-onnx-host/AzureML.Core.Hosting.runtimeconfig.json"));
            Assert.That(entries, Does.Contain("tools/azureml-onnx-host/runtimes/linux-x64/native/libonnxruntime.so")
                .And.Contain("tools/azureml-onnx-host/runtimes/win-x64/native/onnxruntime.dll")
                .And.Contain("tools/azureml-onnx-host/runtimes/osx-arm64/native/libonnxruntime.dylib"));
            Assert.That(entries.Where(e => e.StartsWith("tools/azureml-onnx-host/runtimes/", StringComparison.Ordinal)).Select(e => e.Split('/')[3]).Distinct(),
                Is.EquivalentTo(new[] { "linux-x64", "linux-arm64", "win-x64", "win-arm64", "osx-arm64" }), "only desktop platforms");
            Assert.That(nuspec, Does.Contain("<license type=\"expression\">MIT</license>").And.Contain("<readme>README.md</readme>").And.Contain("<repository type=\"git\""));
            Assert.That(nuspec, Does.Contain("Microsoft.ML.OnnxRuntime.Managed").And.Not.Contain("AzureML.Core.Hosting"));
            Assert.That(_feed.Packages.Select(Path.GetFileName), Does.Not.Contain($"AzureML.Core.Hosting.{_feed.Version}.nupkg"));
            Assert.That(File.Exists(Path.ChangeExtension(package, ".snupkg")), Is.True, "symbols package");
        });
    }

    [Test]
    public void ConsoleAppWithThePackage_TracksARunAndDeploysScoresAndDeletesAnOnnxService()
    {
        ConsumerProject app = _feed.CreateConsumer("PackageConsumer", Program, ["AzureML.Core"]);
        string scripts = Path.Combine(app.Folder, "scripts");
        Directory.CreateDirectory(scripts);
        File.WriteAllText(Path.Combine(scripts, "train.py"), "from azureml.core import Run\nRun.get_context().log('accuracy', 0.875)\n");
        string model = ServiceTestModels.WriteIrisClassifier(Path.Combine(app.Folder, "model"));

        CommandResult build = app.Build();
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        CommandResult result = app.Run(Path.Combine(app.Folder, "ws"), scripts, model);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Run Completed with accuracy 0.875"));
        Assert.That(result.Output, Does.Contain("Registered iris-onnx:1"));
        Assert.That(result.Output, Does.Contain("Service Healthy"));
        Assert.That(result.Output, Does.Contain("Scored {\"result\":[\"setosa\"]"));
        Assert.That(result.Output, Does.Contain("Deleted the service"));

        // The build copied one platform's ONNX Runtime into the host folder and nowhere else.
        string bin = app.OutputFolder();
        string host = Path.Combine(bin, "azureml-onnx-host");
        Assert.That(Directory.GetDirectories(Path.Combine(host, "runtimes")).Select(Path.GetFileName), Is.EqualTo(new[] { PortableRid() }));
        Assert.That(Directory.EnumerateFiles(bin, "*onnxruntime*", SearchOption.AllDirectories).Where(f => !f.StartsWith(host, StringComparison.Ordinal)),
            Is.Empty.Or.All.EndsWith("Microsoft.ML.OnnxRuntime.dll"), "ONNX Runtime's natives only once, in the host's folder");
        TestContext.Out.WriteLine($"bin/ of a {PortableRid()} console app: {Megabytes(bin)} MB, of which azureml-onnx-host/ {Megabytes(host)} MB");
    }

    private static string PortableRid() =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64");

    private static string Megabytes(string folder) =>
        (Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
