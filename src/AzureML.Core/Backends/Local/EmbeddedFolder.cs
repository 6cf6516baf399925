using System.Reflection;
using System.Security.Cryptography;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Writes a set of embedded resource files (a Python package, a host script) to a folder named after a hash
/// of their content, once per content version; concurrent writers settle on one copy.
/// </summary>
internal sealed class EmbeddedFolder
{
    private readonly string _prefix;
    private readonly string _folderName;
    private readonly Lazy<IReadOnlyList<(string Name, byte[] Content)>> _files;
    private readonly Lazy<string> _contentName;

    public EmbeddedFolder(string resourcePrefix, string folderName)
    {
        _prefix = resourcePrefix;
        _folderName = folderName;
        _files = new Lazy<IReadOnlyList<(string, byte[])>>(ReadResources);
        _contentName = new Lazy<string>(ContentName);
    }

    /// <summary>The azureml package that stands in for azureml-core inside local runs and Python services.</summary>
    public static EmbeddedFolder PythonShim { get; } = new("PythonShim/", "python-shim");

    /// <summary>The Python scoring host of local web services.</summary>
    public static EmbeddedFolder ScoringHost { get; } = new("ScoringHost/", "scoring-host");

    /// <summary>The folder holding the files, created under <paramref name="workspaceRoot"/> when missing.</summary>
    public string Install(string workspaceRoot)
    {
        string folder = Path.Combine(workspaceRoot, _folderName, _contentName.Value);
        if (Directory.Exists(folder)) return folder;

        // Another process may install the same content first; either copy is the same.
        FileWriting.CreateFolderAtomically(folder, temp =>
        {
            foreach ((string name, byte[] content) in _files.Value)
            {
                string target = Path.Combine(temp, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
            }
        });

        return folder;
    }

    // The resources never change while the process runs: hash them once, not on every run or deployment.
    private string ContentName()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach ((string name, byte[] content) in _files.Value)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(content);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private IReadOnlyList<(string, byte[])> ReadResources()
    {
        Assembly assembly = typeof(EmbeddedFolder).Assembly;
        var files = new List<(string, byte[])>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(_prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add((resource[_prefix.Length..].Replace('\\', '/'), buffer.ToArray()));
        }

        if (files.Count == 0) throw new InvalidOperationException($"The embedded files '{_prefix}*' are missing from the AzureML.Core assembly.");
        return files;
    }
}
