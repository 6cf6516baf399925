namespace AzureML.Core.Compute;

/// <summary>How many of a cluster's nodes are in each state.</summary>
public sealed class AmlComputeNodeStateCounts
{
    internal AmlComputeNodeStateCounts(int idleNodeCount, int runningNodeCount)
    {
        IdleNodeCount = idleNodeCount;
        RunningNodeCount = runningNodeCount;
    }

    /// <summary>Allocated nodes no run uses.</summary>
    public int IdleNodeCount { get; }

    /// <summary>Nodes a run uses.</summary>
    public int RunningNodeCount { get; }

    /// <summary>Nodes being prepared for a run; local nodes are ready at once, so 0.</summary>
    public int PreparingNodeCount => 0;

    /// <summary>Nodes that cannot be used; local nodes never are, so 0.</summary>
    public int UnusableNodeCount => 0;

    /// <summary>Nodes leaving the cluster; local nodes leave at once, so 0.</summary>
    public int LeavingNodeCount => 0;

    /// <summary>Low-priority nodes taken back by the provider; local nodes never are, so 0.</summary>
    public int PreemptedNodeCount => 0;

    /// <summary>The counts as the service serializes them.</summary>
    public IReadOnlyDictionary<string, object?> Serialize() => new Dictionary<string, object?>
    {
        ["idleNodeCount"] = IdleNodeCount,
        ["leavingNodeCount"] = LeavingNodeCount,
        ["preemptedNodeCount"] = PreemptedNodeCount,
        ["preparingNodeCount"] = PreparingNodeCount,
        ["runningNodeCount"] = RunningNodeCount,
        ["unusableNodeCount"] = UnusableNodeCount,
    };

    /// <summary>The counts that are not zero, e.g. <c>1 idle, 2 running</c>; <c>no nodes</c> when all are.</summary>
    public override string ToString()
    {
        string[] parts = new (int Count, string State)[]
            {
                (IdleNodeCount, "idle"), (RunningNodeCount, "running"), (PreparingNodeCount, "preparing"),
                (UnusableNodeCount, "unusable"), (LeavingNodeCount, "leaving"), (PreemptedNodeCount, "preempted"),
            }
            .Where(p => p.Count != 0)
            .Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Count} {p.State}"))
            .ToArray();
        return parts.Length == 0 ? "no nodes" : string.Join(", ", parts);
    }
}
