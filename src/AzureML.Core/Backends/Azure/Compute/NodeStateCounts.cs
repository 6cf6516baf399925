namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>How many nodes of a cluster are in each state.</summary>
internal sealed class NodeStateCounts
{
    public int? IdleNodeCount { get; set; }
    public int? RunningNodeCount { get; set; }
    public int? PreparingNodeCount { get; set; }
    public int? UnusableNodeCount { get; set; }
    public int? LeavingNodeCount { get; set; }
    public int? PreemptedNodeCount { get; set; }
}
