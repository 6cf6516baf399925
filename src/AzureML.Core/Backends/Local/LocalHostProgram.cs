using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The SDK's own .NET program, <c>AzureML.Core.Hosting.dll</c> with its runtime configuration, that local workspaces
/// start as processes of their own: <c>serve &lt;config&gt;</c> runs a local ONNX web service, <c>supervise …</c> looks
/// after a submitted run. It is found as every <see cref="PackagedProgram"/> is, in <c>azureml-onnx-host/</c>.
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

    private static readonly PackagedProgram s_program = new(typeof(LocalHostProgram), FolderName, AssemblyFileName,
        "The AzureML.Core host program", "AzureML.Core", "AzureML.Core.Hosting");

    /// <summary>The program and arguments that run <paramref name="verb"/> of the host at <paramref name="host"/>.</summary>
    public static (string Program, List<string> Arguments) Command(string host, string verb, params string[] arguments)
        => (DotnetMuxer.Path, [host, verb, .. arguments]);

    /// <summary>True when the host can be found.</summary>
    public static bool IsInstalled => s_program.Find() is not null;

    /// <summary>The path of the host's entry assembly.</summary>
    /// <param name="purpose">What cannot be done without it, completing "… is not installed, so {purpose}".</param>
    /// <exception cref="UserErrorException">The host is not installed; the message lists where it looked.</exception>
    public static string Locate(string purpose) => s_program.Locate(purpose);
}
