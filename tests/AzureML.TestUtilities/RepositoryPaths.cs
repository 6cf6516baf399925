namespace AzureML.TestUtilities;

/// <summary>Locates files of this repository from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string CoreProject => Path.Combine(Root, "src", "AzureML.Core", "AzureML.Core.csproj");

    public static string HostingProject => Path.Combine(Root, "src", "AzureML.Core.Hosting", "AzureML.Core.Hosting.csproj");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzureML.Sdk.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The tests must run from inside the AzureML.Sdk repository (AzureML.Sdk.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
