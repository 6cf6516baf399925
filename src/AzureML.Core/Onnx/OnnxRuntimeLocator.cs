using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// Finds the ONNX Runtime native library. Order: the <c>AZUREML_ONNXRUNTIME_PATH</c> environment variable (when set it
/// is the only candidate, so a typo is reported instead of silently ignored), then the folder of the AzureML.Core
/// assembly and the application folder (where the build copies it), then the per-user build cache that
/// <c>build/OnnxRuntime.targets</c> fills.
/// </summary>
internal static class OnnxRuntimeLocator
{
    /// <summary>The environment variable that overrides where the library is loaded from.</summary>
    public const string EnvironmentVariable = "AZUREML_ONNXRUNTIME_PATH";

    /// <summary>The onnxruntime-node version the build fetches; the cache folder is named after it.</summary>
    public const string PackagedVersion = "1.30.0";

    /// <summary>Returns the path of the library to load.</summary>
    /// <param name="configuredPath">
    /// A path that overrides every other rule (for tests and hosts that ship the library elsewhere); when
    /// <see langword="null"/> the environment variable is read.
    /// </param>
    /// <exception cref="OnnxRuntimeUnavailableException">No candidate exists; the message lists them and how to get the library.</exception>
    public static string Locate(string? configuredPath = null)
    {
        configuredPath ??= System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            if (File.Exists(configuredPath))
                return Path.GetFullPath(configuredPath);
            throw new OnnxRuntimeUnavailableException(
                $"The ONNX Runtime library '{configuredPath}' (from {EnvironmentVariable} or the caller) does not exist. " +
                $"Point {EnvironmentVariable} at an existing ONNX Runtime {PackagedVersion} library ({string.Join(", ", FileNames())}), " +
                "or unset it to use the copy the build places next to AzureML.Core.");
        }

        List<string> searched = Candidates().ToList();
        foreach (string candidate in searched)
        {
            if (File.Exists(candidate))
                return candidate;
        }
        throw new OnnxRuntimeUnavailableException(
            "The ONNX Runtime native library was not found. Looked in: " + string.Join(", ", searched) + ". " +
            $"Building a project that references AzureML.Core fetches it (npm package onnxruntime-node@{PackagedVersion}; " +
            "Node.js with npm must be installed) and copies it next to the assemblies. " +
            $"Alternatively set the environment variable {EnvironmentVariable} to the full path of an ONNX Runtime {PackagedVersion} library.");
    }

    /// <summary>Every place looked at when no path is configured, in order.</summary>
    public static IEnumerable<string> Candidates()
    {
        var folders = new List<string>();
        string assemblyFolder = Path.GetDirectoryName(typeof(OnnxRuntimeLocator).Assembly.Location) ?? "";
        if (assemblyFolder.Length > 0)
            folders.Add(assemblyFolder);
        if (!folders.Contains(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))
            folders.Add(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (CacheFolder() is { } cache)
            folders.Add(cache);

        foreach (string folder in folders)
        {
            foreach (string name in FileNames())
                yield return Path.Combine(folder, name);
        }
    }

    /// <summary>The per-user cache folder the build uses (see <c>build/OnnxRuntime.targets</c>), or null without a profile.</summary>
    public static string? CacheFolder()
    {
        string root = System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData);
        if (root.Length == 0)
            return null;
        string os = OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        string arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        return Path.Combine(root, "azureml-sdk", "onnxruntime-node", PackagedVersion, os + "-" + arch);
    }

    /// <summary>The file names ONNX Runtime ships under on this OS, the npm package's name first.</summary>
    public static IReadOnlyList<string> FileNames()
    {
        if (OperatingSystem.IsWindows())
            return ["onnxruntime.dll"];
        if (OperatingSystem.IsMacOS())
            return [$"libonnxruntime.{PackagedVersion}.dylib", "libonnxruntime.dylib"];
        return ["libonnxruntime.so.1", "libonnxruntime.so"];
    }
}
