namespace AzureML.Core.Data;

/// <summary>
/// The files of a <see cref="FileDataset.Mount"/>, read-only under <see cref="MountPoint"/> until disposed.
/// Mirrors azureml's mount context (<c>with dataset.mount() as context:</c>).
/// </summary>
public sealed class FileDatasetMountContext : IDisposable
{
    internal FileDatasetMountContext(string mountPoint) => MountPoint = mountPoint;

    /// <summary>The folder holding the files.</summary>
    public string MountPoint { get; }

    /// <summary>Removes the files and the folder.</summary>
    public void Dispose()
    {
        if (!Directory.Exists(MountPoint)) return;
        // Read-only files cannot be deleted on Windows until the attribute is cleared.
        foreach (string file in Directory.EnumerateFiles(MountPoint, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(MountPoint, recursive: true);
    }
}
