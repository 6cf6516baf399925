using System.Reflection;

namespace AzureML.Core.Interactive.Tests;

/// <summary>Locates files of this repository from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "samples", "notebooks");

    /// <summary>The notebook runner, built in the tests' own configuration.</summary>
    public static string NotebookRunner => Path.Combine(Notebooks, "runner", "bin", Configuration, "net10.0", "AzureML.NotebookRunner.dll");

    private static string Configuration => typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureML.Sdk.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run from inside the AzureML.Sdk repository (AzureML.Sdk.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
