using System.Reflection;
using System.Security.Cryptography;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The embedded <c>azureml</c> Python package that stands in for azureml-core inside local runs. It is
/// written once per content version into the workspace folder and put first on <c>PYTHONPATH</c> for
/// interpreters that cannot import <c>azureml.core</c>.
/// </summary>
internal static class PythonShim
{
    private const string ResourcePrefix = "PythonShim/";
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Content)>> s_files = new(ReadResources);

    /// <summary>The folder to put on <c>PYTHONPATH</c>, created under <paramref name="workspaceRoot"/> when missing.</summary>
    public static string Install(string workspaceRoot)
    {
        IReadOnlyList<(string Name, byte[] Content)> files = s_files.Value;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach ((string name, byte[] content) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(content);
        }

        string folder = Path.Combine(workspaceRoot, "python-shim", Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant());
        if (Directory.Exists(folder)) return folder;

        string temp = $"{folder}.{Guid.NewGuid():N}.tmp";
        foreach ((string name, byte[] content) in files)
        {
            string target = Path.Combine(temp, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        try
        {
            Directory.Move(temp, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another process installed the same content first.
            Directory.Delete(temp, recursive: true);
        }

        return folder;
    }

    private static IReadOnlyList<(string, byte[])> ReadResources()
    {
        Assembly assembly = typeof(PythonShim).Assembly;
        var files = new List<(string, byte[])>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add((resource[ResourcePrefix.Length..].Replace('\\', '/'), buffer.ToArray()));
        }

        if (files.Count == 0) throw new InvalidOperationException("The azureml Python shim is missing from the AzureML.Core assembly.");
        return files;
    }
}
