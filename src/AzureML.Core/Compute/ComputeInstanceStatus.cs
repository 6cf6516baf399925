using AzureML.Core.Backends;

namespace AzureML.Core.Compute;

/// <summary>What <see cref="ComputeInstance.GetStatus"/> returns.</summary>
public sealed class ComputeInstanceStatus
{
    internal ComputeInstanceStatus(ComputeRecord record, ComputeNodeCounts counts)
    {
        ProvisioningState = record.ProvisioningState;
        VmSize = record.VmSize;
        IsBusy = counts.Running > 0;
        CreationTime = record.CreatedTime;
    }

    /// <summary><c>Running</c>: a local instance is this machine, which runs while the workspace is open.</summary>
    public string State => "Running";

    /// <summary>True while a run uses the instance; other runs targeting it wait.</summary>
    public bool IsBusy { get; }

    /// <summary><c>Succeeded</c> once the instance exists.</summary>
    public string ProvisioningState { get; }

    /// <summary>The instance's VM size.</summary>
    public string VmSize { get; }

    /// <summary>Provisioning errors; none on a local workspace.</summary>
    public IReadOnlyList<string> Errors { get; } = Array.Empty<string>();

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreationTime { get; }

    /// <summary>The status as the service serializes it.</summary>
    public IReadOnlyDictionary<string, object?> Serialize() => new Dictionary<string, object?>
    {
        ["state"] = State,
        ["provisioningState"] = ProvisioningState,
        ["vmSize"] = VmSize,
        ["errors"] = Errors,
        ["creationTime"] = CreationTime.ToString("o"),
    };
}
