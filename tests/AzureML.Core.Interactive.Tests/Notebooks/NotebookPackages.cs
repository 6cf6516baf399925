using System.Runtime.InteropServices;
using AzureML.TestUtilities;
using AzureML.TestUtilities.Packaging;
using NUnit.Framework;

namespace AzureML.Core.Interactive.Tests.Notebooks;

/// <summary>
/// The SDK's packages, packed once for every notebook test of a run into a temporary folder feed. A prerelease label
/// unique to the run keeps any package cache from serving an older build of the same version. The Release build is
/// kept beside the tests, so runs after the first only pack; the packages carry the natives of this machine's
/// platform only, as the notebooks run here.
/// </summary>
[SetUpFixture]
public sealed class NotebookPackages
{
    private static readonly string[] s_projects =
    [
        "src/AzureML.Core/AzureML.Core.csproj",
        "src/AzureML.Core.Interactive/AzureML.Core.Interactive.csproj",
        "src/AzureML.Train.AutoML/AzureML.Train.AutoML.csproj",
    ];

    private static LocalPackageFeed? s_feed;

    public static LocalPackageFeed Feed => s_feed ?? throw new InvalidOperationException("The notebook packages were not packed.");

    [OneTimeSetUp]
    public void Pack()
        => s_feed = LocalPackageFeed.Pack(RepositoryPaths.Root, s_projects,
            versionSuffix: $"nbtest{DateTime.UtcNow:yyyyMMddHHmmss}",
            buildFolder: Path.Combine(AppContext.BaseDirectory, "notebook-packages"),
            properties: new Dictionary<string, string>
            {
                ["AzureMLOnnxHostRuntimeIdentifiers"] = RuntimeInformation.RuntimeIdentifier,
                ["AzureMLAutoMLRunnerRuntimeIdentifiers"] = RuntimeInformation.RuntimeIdentifier,
            });

    [OneTimeTearDown]
    public void Delete() => s_feed?.Dispose();
}
