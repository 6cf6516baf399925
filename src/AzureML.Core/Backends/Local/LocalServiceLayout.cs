namespace AzureML.Core.Backends.Local;

/// <summary>
/// Where a local service keeps its files: <c>services/&lt;name&gt;/host.log</c> for every generation's output, and
/// one folder per generation (each deployment or update) with the models laid out as azureml does
/// (<c>azureml-models/&lt;model&gt;/&lt;version&gt;/</c>), the entry script's source, and the host's files.
/// </summary>
internal sealed class LocalServiceLayout
{
    public LocalServiceLayout(LocalBackend backend, string name, long generation)
    {
        Root = Path.Combine(backend.Root, "services", name);
        Generation = Path.Combine(Root, $"g{generation}");
    }

    public string Root { get; }
    public string Generation { get; }
    public string LogFile => Path.Combine(Root, "host.log");
    public string AuthFile => Path.Combine(Root, "auth.json");
    public string ConfigFile => Path.Combine(Generation, "config.json");
    public string ReadyFile => Path.Combine(Generation, "ready.json");
    public string FailedFile => Path.Combine(Generation, "failed.json");
    public string ModelsFolder => Path.Combine(Generation, "azureml-models");
    public string SourceFolder => Path.Combine(Generation, "source");
}
