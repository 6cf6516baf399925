using System.Reflection;
using AzureML.TestUtilities;

namespace AzureML.Core.Interactive.Tests;

/// <summary>Locates the sample notebooks and their runner inside this repository.</summary>
internal static class NotebookPaths
{
    public static string Notebooks => Path.Combine(RepositoryPaths.Root, "samples", "notebooks");

    /// <summary>The notebook runner, built in the tests' own configuration.</summary>
    public static string NotebookRunner => Path.Combine(Notebooks, "runner", "bin", Configuration, "net10.0", "AzureML.NotebookRunner.dll");

    private static string Configuration => typeof(NotebookPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;
}
