using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The SDK's own .NET program, <c>AzureML.Core.Hosting.dll</c> with its runtime configuration, that local workspaces
/// start as processes of their own: <c>serve &lt;config&gt;</c> runs a local ONNX web service, <c>supervise …</c> looks
/// after a submitted run. Where it is depends on how the application got AzureML.Core:
/// <list type="bullet">
/// <item>from the NuGet package: the package's build copies it into <c>azureml-onnx-host/</c> beside the application;</item>
/// <item>without a build (a notebook loads the assembly from the package folder): the package's own <c>tools/azureml-onnx-host/</c>;</item>
/// <item>by project reference (this repository): next to AzureML.Core.dll, from a reference to the host's project.</item>
/// </list>
/// </summary>
internal static class LocalHostProgram
{
    /// <summary>The host's entry assembly.</summary>
    public const string AssemblyFileName = "AzureML.Core.Hosting.dll";

    /// <summary>The folder that holds the host and everything it loads, beside the application and inside the package.</summary>
    public const string FolderName = "azureml-onnx-host";

    /// <summary>The verb that serves an ONNX model: <c>serve &lt;config.json&gt;</c>.</summary>
    public const string ServeVerb = "serve";

    /// <summary>The verb that supervises a submitted run: <c>supervise &lt;workspace&gt; &lt;run id&gt; &lt;pid&gt; &lt;start ticks&gt;</c>.</summary>
    public const string SuperviseVerb = "supervise";

    /// <summary>The program and arguments that run <paramref name="verb"/> of the host at <paramref name="host"/>.</summary>
    public static (string Program, List<string> Arguments) Command(string host, string verb, params string[] arguments)
        => (DotnetMuxer.Path, [host, verb, .. arguments]);

    /// <summary>True when the host can be found.</summary>
    public static bool IsInstalled => Find() is not null;

    /// <summary>The path of the host's entry assembly.</summary>
    /// <param name="purpose">What cannot be done without it, completing "… is not installed, so {purpose}".</param>
    /// <exception cref="UserErrorException">The host is not installed; the message lists where it looked.</exception>
    public static string Locate(string purpose)
        => Find() ?? throw new UserErrorException(
            $"The AzureML.Core host program is not installed, so {purpose}. Looked for " +
            $"{AssemblyFileName} with its .runtimeconfig.json in: {string.Join(", ", Candidates().Distinct(StringComparer.Ordinal).Select(Path.GetDirectoryName))}. " +
            $"Reference AzureML.Core as a NuGet package (its build copies the host into {FolderName}/ next to your program) " +
            "and build again; a project that references the AzureML.Core project instead also needs a reference to AzureML.Core.Hosting.");

    // The runtime configuration is what lets `dotnet` start it; a stray dll alone is not a host.
    private static string? Find()
        => Candidates().FirstOrDefault(candidate => File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")));

    private static IEnumerable<string> Candidates()
    {
        string location = typeof(LocalHostProgram).Assembly.Location;
        // Empty in single-file applications, whose files sit beside the executable.
        string assemblyFolder = location.Length > 0 ? Path.GetDirectoryName(location)! : AppContext.BaseDirectory;
        yield return Path.Combine(assemblyFolder, FolderName, AssemblyFileName);
        yield return Path.Combine(AppContext.BaseDirectory, FolderName, AssemblyFileName);
        // <package>/lib/net10.0/AzureML.Core.dll → <package>/tools/azureml-onnx-host/.
        yield return Path.GetFullPath(Path.Combine(assemblyFolder, "..", "..", "tools", FolderName, AssemblyFileName));
        yield return Path.Combine(assemblyFolder, AssemblyFileName);
    }
}
