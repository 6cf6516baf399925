namespace AzureML.Core.Backends;

/// <summary>A registered model version as a backend stores it.</summary>
internal sealed record ModelRecord
{
    public required string Name { get; init; }
    public required int Version { get; init; }
    public string? Description { get; init; }
    public required string Framework { get; init; }
    public string? FrameworkVersion { get; init; }
    public string? RunId { get; init; }
    public string? ExperimentName { get; init; }
    public ResourceConfiguration? ResourceConfiguration { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>Where the backend keeps the files: a <c>file://</c> folder locally, the asset's address on Azure.</summary>
    public required string Url { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The version's files as relative, forward-slash names, sorted ordinally.</summary>
    public IReadOnlyList<string> Files { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The one top-level entry every file sits in or is (<c>model.pkl</c>, or <c>outputs</c> for a
    /// registered folder), or <c>null</c> when the files have several.
    /// </summary>
    public string? RootEntry
    {
        get
        {
            string[] roots = Files.Select(f => f.Split('/')[0]).Distinct(StringComparer.Ordinal).ToArray();
            return roots.Length == 1 ? roots[0] : null;
        }
    }
}
