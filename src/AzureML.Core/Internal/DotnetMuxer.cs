namespace AzureML.Core.Internal;

/// <summary>The <c>dotnet</c> program that starts the SDK's own processes (service hosts, runners).</summary>
internal static class DotnetMuxer
{
    /// <summary>The muxer that runs this process (or the SDK's, or the one on PATH), so child processes use the same runtime.</summary>
    public static string Path
    {
        get
        {
            string? fromSdk = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
            string? self = System.Environment.ProcessPath;
            if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            return "dotnet";
        }
    }
}
