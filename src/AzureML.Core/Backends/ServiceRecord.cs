namespace AzureML.Core.Backends;

/// <summary>A web service as a backend reports it.</summary>
internal sealed record ServiceRecord
{
    public required string Name { get; init; }
    public required string ComputeType { get; init; }
    public required string State { get; init; }
    public Uri? ScoringUri { get; init; }
    public Uri? SwaggerUri { get; init; }
    public bool AuthEnabled { get; init; }
    public IReadOnlyList<ModelReference> Models { get; init; } = Array.Empty<ModelReference>();
    public DateTimeOffset CreatedTime { get; init; }
    public DateTimeOffset UpdatedTime { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the service is Failed or Unhealthy.</summary>
    public string? Error { get; init; }

    /// <summary>The entry script the service runs, when it runs one.</summary>
    public string? EntryScript { get; init; }
}
