using AzureML.Core.Internal;

namespace AzureML.Core.Backends;

/// <summary>Filters for listing web services; every filter that is set must match.</summary>
internal sealed record ServiceQuery
{
    /// <summary>Everything.</summary>
    public static ServiceQuery All { get; } = new();

    public string? ComputeType { get; init; }

    /// <summary>Only services serving a model of this name.</summary>
    public string? ModelName { get; init; }

    /// <summary>Tags that must be present; a <c>null</c> value matches any value of the key.</summary>
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    /// <summary>Properties that must be present; a <c>null</c> value matches any value of the key.</summary>
    public IReadOnlyDictionary<string, string?>? Properties { get; init; }

    /// <summary>True when the service passes every filter.</summary>
    public bool Matches(ServiceRecord service)
        => (ComputeType is null || service.ComputeType.Equals(ComputeType, StringComparison.OrdinalIgnoreCase))
        && (ModelName is null || service.Models.Any(m => m.Name == ModelName))
        && TagFilter.Matches(service.Tags, Tags) && TagFilter.Matches(service.Properties, Properties);
}
