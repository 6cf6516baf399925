using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>Parallel task settings: the <c>paralleltask</c> section of a run configuration.</summary>
public sealed class ParallelTaskConfiguration
{
    /// <summary>How often a failed worker is retried. Default 0.</summary>
    public int MaxRetriesPerWorker { get; set; }

    /// <summary>The number of workers per node. Default 1.</summary>
    public int WorkerCountPerNode { get; set; } = 1;

    internal static ParallelTaskConfiguration Read(YamlSection section) => new()
    {
        MaxRetriesPerWorker = section.Int("maxRetriesPerWorker", min: 0) ?? 0,
        WorkerCountPerNode = section.Int("workerCountPerNode", min: 1) ?? 1,
    };

    internal JsonObject ToNode() => new() { ["maxRetriesPerWorker"] = MaxRetriesPerWorker, ["workerCountPerNode"] = WorkerCountPerNode };
}
