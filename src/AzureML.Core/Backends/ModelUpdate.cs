namespace AzureML.Core.Backends;

/// <summary>Changes to a model version; a <c>null</c> field is left as it is.</summary>
internal sealed record ModelUpdate
{
    /// <summary>Replaces all tags.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? Description { get; init; }
    public ResourceConfiguration? ResourceConfiguration { get; init; }
}
