namespace AzureML.Core.Backends.Local;

/// <summary>Copies a folder tree (a snapshot into a run's working copy, a registered model into a service).</summary>
internal static class FolderCopy
{
    public static void CopyTree(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        Directory.CreateDirectory(target);
    }
}
