namespace AzureML.Core.Webservices.Hosting;

/// <summary>
/// Finds the ONNX scoring host (<c>AzureML.Core.Hosting.dll</c> with its runtime configuration) that local ONNX
/// web services run in. Where it is depends on how the application got AzureML.Core:
/// <list type="bullet">
/// <item>from the NuGet package: the package's build copies it into <c>azureml-onnx-host/</c> beside the application;</item>
/// <item>without a build (a notebook loads the assembly from the package folder): the package's own <c>tools/azureml-onnx-host/</c>;</item>
/// <item>by project reference (this repository): next to AzureML.Core.dll, from a reference to the host's project.</item>
/// </list>
/// </summary>
internal static class OnnxHostLocator
{
    /// <summary>The host's entry assembly.</summary>
    public const string AssemblyFileName = "AzureML.Core.Hosting.dll";

    /// <summary>The folder that holds the host and everything it loads, beside the application and inside the package.</summary>
    public const string FolderName = "azureml-onnx-host";

    /// <summary>The path of the host's entry assembly.</summary>
    /// <exception cref="UserErrorException">No host is installed; the message lists where it looked.</exception>
    public static string Locate()
    {
        List<string> candidates = Candidates().Distinct(StringComparer.Ordinal).ToList();
        foreach (string candidate in candidates)
        {
            // The runtime configuration is what lets `dotnet` start it; a stray dll alone is not a host.
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
                return candidate;
        }

        throw new UserErrorException(
            "The ONNX scoring host is not installed, so ONNX models cannot be deployed locally. Looked for " +
            $"{AssemblyFileName} with its .runtimeconfig.json in: {string.Join(", ", candidates.Select(Path.GetDirectoryName))}. " +
            $"Reference AzureML.Core as a NuGet package (its build copies the host into {FolderName}/ next to your program) " +
            "and build again; a project that references the AzureML.Core project instead also needs a reference to AzureML.Core.Hosting.");
    }

    private static IEnumerable<string> Candidates()
    {
        string location = typeof(OnnxHostLocator).Assembly.Location;
        // Empty in single-file applications, whose files sit beside the executable.
        string assemblyFolder = location.Length > 0 ? Path.GetDirectoryName(location)! : AppContext.BaseDirectory;
        yield return Path.Combine(assemblyFolder, FolderName, AssemblyFileName);
        yield return Path.Combine(AppContext.BaseDirectory, FolderName, AssemblyFileName);
        // <package>/lib/net10.0/AzureML.Core.dll → <package>/tools/azureml-onnx-host/.
        yield return Path.GetFullPath(Path.Combine(assemblyFolder, "..", "..", "tools", FolderName, AssemblyFileName));
        yield return Path.Combine(assemblyFolder, AssemblyFileName);
    }
}
