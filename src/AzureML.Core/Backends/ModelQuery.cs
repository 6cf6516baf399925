using AzureML.Core.Internal;

namespace AzureML.Core.Backends;

/// <summary>Filters for listing models; every filter that is set must match.</summary>
internal sealed record ModelQuery
{
    public string? Name { get; init; }
    public string? RunId { get; init; }
    public string? Framework { get; init; }

    /// <summary>Tags that must be present; a <c>null</c> value matches any value of the key.</summary>
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    /// <summary>Properties that must be present; a <c>null</c> value matches any value of the key.</summary>
    public IReadOnlyDictionary<string, string?>? Properties { get; init; }

    /// <summary>Keep only the highest matching version of each name.</summary>
    public bool Latest { get; init; }

    /// <summary>True when the model carries every wanted tag and property.</summary>
    public bool Matches(ModelRecord model) => TagFilter.Matches(model.Tags, Tags) && TagFilter.Matches(model.Properties, Properties);
}
