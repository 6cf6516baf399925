using AzureML.TestUtilities;
using NUnit.Framework;

namespace AzureML.Core.Tests.Environments;

/// <summary>The files under TestData/, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(string folder, string file) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", folder, file);

    public static string Read(string folder, string file) => File.ReadAllText(Path(folder, file));

    /// <summary>Copies a fixture into a test folder and returns the copy's path.</summary>
    public static string CopyTo(TestFolder folder, string fixtureFolder, string file, string relativeTarget)
        => folder.Write(relativeTarget, Read(fixtureFolder, file));
}
