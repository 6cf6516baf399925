namespace AzureML.Core.Backends.Local;

/// <summary>
/// Keeps run working copies from inheriting build settings of folders above the workspace: MSBuild looks
/// upward for Directory.Build.props/targets, so a C# script run inside a repository would otherwise pick up
/// that repository's settings (warnings as errors, analyzers…).
/// </summary>
internal static class LocalRunIsolation
{
    private static readonly string[] s_files = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" };

    public static void Ensure(LocalBackend backend)
    {
        string runs = Path.Combine(backend.Root, "runs");
        Directory.CreateDirectory(runs);
        foreach (string name in s_files)
        {
            string path = Path.Combine(runs, name);
            if (File.Exists(path)) continue;
            try
            {
                File.WriteAllText(path, "<Project>\n  <!-- Stops MSBuild's upward search: runs build with their own settings only. -->\n</Project>\n");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Written by a concurrent run.
            }
        }
    }
}
