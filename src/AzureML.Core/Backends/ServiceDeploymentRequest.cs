namespace AzureML.Core.Backends;

/// <summary>Everything a backend needs to create or replace a web service.</summary>
internal sealed record ServiceDeploymentRequest
{
    public required string Name { get; init; }
    public required IReadOnlyList<ModelReference> Models { get; init; }

    /// <summary>The entry script, when the service runs one (else a no-code deployment).</summary>
    public string? EntryScript { get; init; }

    /// <summary>The folder the entry script and its helpers come from.</summary>
    public string? SourceDirectory { get; init; }

    public Environment? Environment { get; init; }
    public string ComputeType { get; init; } = "ACI";
    public bool AuthEnabled { get; init; }
    public int? Port { get; init; }
    public double? CpuCores { get; init; }
    public double? MemoryGb { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public string? PrimaryKey { get; init; }
    public string? SecondaryKey { get; init; }
    public bool Overwrite { get; init; }
}
