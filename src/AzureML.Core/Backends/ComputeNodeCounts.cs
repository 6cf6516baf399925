namespace AzureML.Core.Backends;

/// <summary>How many nodes of a compute target exist now, and what they are doing.</summary>
/// <param name="Current">Nodes allocated: busy ones plus idle ones kept until they scale down (never below the minimum).</param>
/// <param name="Running">Nodes held by a run.</param>
/// <param name="Idle">Allocated nodes no run holds.</param>
/// <param name="QueuedRuns">Runs waiting for nodes of this target.</param>
internal sealed record ComputeNodeCounts(int Current, int Running, int Idle, int QueuedRuns);
