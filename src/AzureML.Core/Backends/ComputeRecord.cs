namespace AzureML.Core.Backends;

/// <summary>A compute target as a backend stores it.</summary>
internal sealed record ComputeRecord
{
    public required string Name { get; init; }

    /// <summary><c>AmlCompute</c> or <c>ComputeInstance</c>, as the service names compute types.</summary>
    public required string ComputeType { get; init; }

    public required string VmSize { get; init; }
    public string VmPriority { get; init; } = "dedicated";
    public int MinNodes { get; init; }
    public int MaxNodes { get; init; } = 1;
    public int IdleSecondsBeforeScaledown { get; init; } = 1800;
    public string? Location { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings the backend keeps but does not act on (admin user name, network, identity…), never secrets.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary><c>Creating</c>, <c>Succeeded</c>, <c>Failed</c>, <c>Deleting</c>…</summary>
    public string ProvisioningState { get; init; } = "Succeeded";

    public DateTimeOffset CreatedTime { get; init; }
    public DateTimeOffset ModifiedTime { get; init; }
}
