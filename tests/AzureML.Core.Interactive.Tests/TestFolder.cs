namespace AzureML.Core.Interactive.Tests;

/// <summary>A temporary folder per test, deleted afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder() => Path = Directory.CreateTempSubdirectory("azureml-interactive-test-").FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
