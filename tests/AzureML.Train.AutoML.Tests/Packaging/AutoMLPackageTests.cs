using AzureML.TestUtilities.Packaging;
using NUnit.Framework;

namespace AzureML.Train.AutoML.Tests.Packaging;

/// <summary>
/// The AzureML.Train.AutoML package as a user gets it: packed with AzureML.Core into a folder feed and installed into a
/// fresh console project outside the repository, which submits an AutoML experiment (run by the runner the package
/// brings) and predicts with the best model.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public class AutoMLPackageTests
{
    private const string Program = """
        using AzureML.Core;
        using AzureML.Core.Data;
        using AzureML.Train.AutoML;

        var ws = Workspace.Local(args[0]);
        DataFrame iris = Dataset.Tabular.FromDelimitedFiles(args[1]).ToDataFrame();
        var config = new AutoMLConfig(task: "classification", trainingData: iris, labelColumnName: "target", iterations: 4, nCrossValidations: 3, debugLog: args[2]);
        var run = (AutoMLRun)new Experiment(ws, "package-check").Submit(config);
        run.WaitForCompletion();
        var (best, model) = run.GetOutput();
        Console.WriteLine($"Run {run.GetStatus()}, best {best.Properties["run_algorithm"]}, {model.Predict(iris).Count} predictions");
        """;

    private LocalPackageFeed _feed = null!;

    [OneTimeSetUp]
    public void PackTheSdk()
        => _feed = LocalPackageFeed.Pack(RepositoryPaths.Root, "src/AzureML.Core/AzureML.Core.csproj", "src/AzureML.Train.AutoML/AzureML.Train.AutoML.csproj");

    [OneTimeTearDown]
    public void DeleteTheFeed() => _feed.Dispose();

    [Test]
    public void Pack_AzureMLTrainAutoML_CarriesTheRunnerForDesktopPlatforms()
    {
        string package = _feed.Packages.Single(p => Path.GetFileName(p) == $"AzureML.Train.AutoML.{_feed.Version}.nupkg");
        using var archive = System.IO.Compression.ZipFile.OpenRead(package);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        string nuspec = new StreamReader(archive.GetEntry("AzureML.Train.AutoML.nuspec")!.Open()).ReadToEnd();

        Assert.That(entries, Does.Contain("lib/net10.0/AzureML.Train.AutoML.dll").And.Contain("buildTransitive/AzureML.Train.AutoML.targets"));
        Assert.That(entries, Does.Contain("tools/azureml-automl-runner/AzureML.Train.AutoML.Runner.dll").And.Contain("tools/azureml-automl-runner/AzureML.Train.AutoML.Runner.runtimeconfig.json"));
        Assert.That(entries.Where(e => e.StartsWith("tools/azureml-automl-runner/runtimes/", StringComparison.Ordinal)).Select(e => e.Split('/')[3]).Distinct(),
            Is.EquivalentTo(new[] { "linux-x64", "linux-arm64", "win-x64", "win-arm64", "osx-arm64" }));
        Assert.That(nuspec, Does.Contain("<dependency id=\"AzureML.Core\"").And.Not.Contain("AzureML.Train.AutoML.Runner"));
    }

    [Test]
    public void ConsoleAppWithThePackage_RunsAnExperimentAndPredicts()
    {
        ConsumerProject app = _feed.CreateConsumer("AutoMLConsumer", Program, ["AzureML.Train.AutoML"]);
        string data = Path.Combine(app.Folder, "iris.csv");
        File.Copy(TestData.IrisCsv, data);

        CommandResult build = app.Build();
        Assert.That(build.ExitCode, Is.EqualTo(0), build.ToString());
        CommandResult result = app.Run(Path.Combine(app.Folder, "ws"), data, Path.Combine(app.Folder, "automl.log"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("Run Completed").And.Contain("150 predictions"));
        Assert.That(File.Exists(Path.Combine(app.OutputFolder(), "azureml-automl-runner", "AzureML.Train.AutoML.Runner.dll")), Is.True);
    }
}
