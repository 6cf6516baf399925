namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>JobOutput</c>: where a job writes an output.</summary>
internal sealed class JobOutput
{
    public string? JobOutputType { get; set; }
    public string? Uri { get; set; }
    public string? Mode { get; set; }
    public string? AssetName { get; set; }
    public string? Description { get; set; }
}
