namespace AzureML.Train.AutoML.Local;

/// <summary>
/// Finds the program local AutoML runs execute in (<c>AzureML.Train.AutoML.Runner.dll</c> with its runtime
/// configuration), the way the ONNX scoring host is found: beside the application when the package's build copied it
/// into <c>azureml-automl-runner/</c>, in the package's own <c>tools/azureml-automl-runner/</c> (notebooks), or next to
/// AzureML.Train.AutoML.dll when a project references the runner's project (this repository).
/// </summary>
internal static class AutoMLRunnerLocator
{
    public const string AssemblyFileName = "AzureML.Train.AutoML.Runner.dll";

    public const string FolderName = "azureml-automl-runner";

    /// <exception cref="AzureML.Core.UserErrorException">No runner is installed; the message lists where it looked.</exception>
    public static string Locate()
    {
        List<string> candidates = Candidates().Distinct(StringComparer.Ordinal).ToList();
        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json"))) return candidate;
        }

        throw new AzureML.Core.UserErrorException(
            "The AutoML runner is not installed, so AutoML experiments cannot run on a local workspace. Looked for " +
            $"{AssemblyFileName} with its .runtimeconfig.json in: {string.Join(", ", candidates.Select(Path.GetDirectoryName))}. " +
            $"Reference AzureML.Train.AutoML as a NuGet package (its build copies the runner into {FolderName}/ next to your program) " +
            "and build again; a project that references the AzureML.Train.AutoML project instead also needs a reference to AzureML.Train.AutoML.Runner.");
    }

    private static IEnumerable<string> Candidates()
    {
        string location = typeof(AutoMLRunnerLocator).Assembly.Location;
        string assemblyFolder = location.Length > 0 ? Path.GetDirectoryName(location)! : AppContext.BaseDirectory;
        yield return Path.Combine(assemblyFolder, FolderName, AssemblyFileName);
        yield return Path.Combine(AppContext.BaseDirectory, FolderName, AssemblyFileName);
        yield return Path.GetFullPath(Path.Combine(assemblyFolder, "..", "..", "tools", FolderName, AssemblyFileName));
        yield return Path.Combine(assemblyFolder, AssemblyFileName);
    }
}
