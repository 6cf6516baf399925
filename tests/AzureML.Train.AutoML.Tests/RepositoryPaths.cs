namespace AzureML.Train.AutoML.Tests;

/// <summary>Where the repository is, found from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureML.Sdk.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run from inside the AzureML.Sdk repository (AzureML.Sdk.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
