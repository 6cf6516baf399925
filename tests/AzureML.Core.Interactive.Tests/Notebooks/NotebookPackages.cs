using AzureML.TestUtilities.Packaging;
using NUnit.Framework;

namespace AzureML.Core.Interactive.Tests.Notebooks;

/// <summary>
/// The SDK's packages, packed once for every notebook test of a run into a temporary folder feed. A prerelease label
/// unique to the run keeps any package cache from serving an older build of the same version.
/// </summary>
[SetUpFixture]
public sealed class NotebookPackages
{
    private static LocalPackageFeed? s_feed;

    public static LocalPackageFeed Feed => s_feed ?? throw new InvalidOperationException("The notebook packages were not packed.");

    [OneTimeSetUp]
    public void Pack()
        => s_feed = LocalPackageFeed.Pack(RepositoryPaths.Root,
            ["src/AzureML.Core/AzureML.Core.csproj", "src/AzureML.Core.Interactive/AzureML.Core.Interactive.csproj"],
            versionSuffix: $"nbtest{DateTime.UtcNow:yyyyMMddHHmmss}");

    [OneTimeTearDown]
    public void Delete() => s_feed?.Dispose();
}
