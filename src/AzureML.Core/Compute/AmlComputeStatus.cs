using AzureML.Core.Backends;

namespace AzureML.Core.Compute;

/// <summary>What <see cref="AmlCompute.GetStatus"/> returns: provisioning and allocation state, node counts and settings.</summary>
public sealed class AmlComputeStatus
{
    internal AmlComputeStatus(ComputeRecord record, ComputeNodeCounts counts)
    {
        ProvisioningState = record.ProvisioningState;
        CurrentNodeCount = counts.Current;
        TargetNodeCount = counts.Current;
        NodeStateCounts = new AmlComputeNodeStateCounts(counts.Idle, counts.Running);
        VmSize = record.VmSize;
        VmPriority = record.VmPriority;
        ScaleSettings = new ScaleSettings(record.MinNodes, record.MaxNodes, record.IdleSecondsBeforeScaledown);
        CreationTime = record.CreatedTime;
        ModifiedTime = record.ModifiedTime;
    }

    /// <summary><c>Succeeded</c> once the cluster exists.</summary>
    public string ProvisioningState { get; }

    /// <summary>
    /// <c>Steady</c>, or <c>Resizing</c> while nodes are added or removed. Local nodes are added and removed
    /// within the call that needs them, so a local cluster is always steady.
    /// </summary>
    public string AllocationState => "Steady";

    /// <summary>Nodes allocated now: busy ones plus idle ones not yet scaled down, never fewer than the minimum.</summary>
    public int CurrentNodeCount { get; }

    /// <summary>Nodes the cluster is resizing to; equal to <see cref="CurrentNodeCount"/> when steady.</summary>
    public int TargetNodeCount { get; }

    /// <summary>How many nodes are in each state.</summary>
    public AmlComputeNodeStateCounts NodeStateCounts { get; }

    /// <summary>The VM size of each node.</summary>
    public string VmSize { get; }

    /// <summary><c>dedicated</c> or <c>lowpriority</c>.</summary>
    public string VmPriority { get; }

    /// <summary>The node limits and scale-down time.</summary>
    public ScaleSettings ScaleSettings { get; }

    /// <summary>Provisioning errors; none on a local workspace, where provisioning cannot fail once the target is created.</summary>
    public IReadOnlyList<string> Errors { get; } = Array.Empty<string>();

    /// <summary>When the cluster was created.</summary>
    public DateTimeOffset CreationTime { get; }

    /// <summary>When its settings last changed.</summary>
    public DateTimeOffset ModifiedTime { get; }

    /// <summary>The status as azureml-core's <c>get_status().serialize()</c> shapes it.</summary>
    public IReadOnlyDictionary<string, object?> Serialize() => new Dictionary<string, object?>
    {
        ["errors"] = Errors,
        ["creationTime"] = CreationTime.ToString("o"),
        ["modifiedTime"] = ModifiedTime.ToString("o"),
        ["provisioningState"] = ProvisioningState,
        ["allocationState"] = AllocationState,
        ["currentNodeCount"] = CurrentNodeCount,
        ["targetNodeCount"] = TargetNodeCount,
        ["nodeStateCounts"] = NodeStateCounts.Serialize(),
        ["scaleSettings"] = ScaleSettings.Serialize(),
        ["vmPriority"] = VmPriority,
        ["vmSize"] = VmSize,
    };

    /// <summary>One line with the states, node counts and settings, for consoles and notebooks.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"AmlComputeStatus(provisioning: {ProvisioningState}, allocation: {AllocationState}, nodes: {CurrentNodeCount} current / {TargetNodeCount} target ({NodeStateCounts}), " +
        $"vm: {VmSize} {VmPriority}, scale: {ScaleSettings}{(Errors.Count == 0 ? "" : ", errors: " + string.Join("; ", Errors))})");
}
