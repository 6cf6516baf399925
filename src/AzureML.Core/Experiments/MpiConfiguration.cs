using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>MPI settings: the <c>mpi</c> section of a run configuration.</summary>
public sealed class MpiConfiguration
{
    /// <summary>The number of processes per node. Default 1.</summary>
    public int ProcessCountPerNode { get; set; } = 1;

    internal static MpiConfiguration Read(YamlSection section) => new()
    {
        ProcessCountPerNode = section.Int("processCountPerNode", min: 1) ?? 1,
    };

    internal JsonObject ToNode() => new() { ["processCountPerNode"] = ProcessCountPerNode };
}
