namespace AzureML.Core.Backends;

/// <summary>What a backend needs to create a model version; the version number is its to choose.</summary>
internal sealed record ModelRegistration
{
    public required string Name { get; init; }

    /// <summary>The files, streamed from the caller; empty when <see cref="RunFiles"/> names them instead.</summary>
    public IReadOnlyList<ModelFileSource> Files { get; init; } = Array.Empty<ModelFileSource>();

    /// <summary>Files of a run, registered where they are in the workspace (the backend resolves them; nothing passes through the caller).</summary>
    public RunFilesReference? RunFiles { get; init; }

    public required string Framework { get; init; }
    public string? FrameworkVersion { get; init; }
    public string? Description { get; init; }
    public string? RunId { get; init; }
    public string? ExperimentName { get; init; }
    public ResourceConfiguration? ResourceConfiguration { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
