using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>A cluster created for one run (deprecated in azureml-core): the <c>amlcompute</c> section of a run configuration.</summary>
public sealed class AmlComputeConfiguration
{
    internal static readonly string[] Priorities = ["dedicated", "lowpriority"];

    /// <summary>The VM size, for example <c>Standard_D2_v2</c>.</summary>
    public string? VmSize { get; set; }

    /// <summary>The VM priority: <c>dedicated</c> or <c>lowpriority</c>.</summary>
    public string? VmPriority { get; set; }

    /// <summary>Keep the cluster after the run.</summary>
    public bool RetainCluster { get; set; }

    /// <summary>The cluster name; default the run id.</summary>
    public string? Name { get; set; }

    /// <summary>The largest number of nodes.</summary>
    public int? ClusterMaxNodeCount { get; set; }

    internal static AmlComputeConfiguration Read(YamlSection section) => new()
    {
        VmSize = section.String("vmSize"),
        VmPriority = section.Choice("vmPriority", Priorities),
        RetainCluster = section.Bool("retainCluster") ?? false,
        Name = section.String("name"),
        ClusterMaxNodeCount = section.Int("clusterMaxNodeCount", min: 1),
    };

    internal JsonObject ToNode() => new()
    {
        ["vmSize"] = VmSize,
        ["vmPriority"] = VmPriority,
        ["retainCluster"] = RetainCluster,
        ["name"] = Name,
        ["clusterMaxNodeCount"] = ClusterMaxNodeCount,
    };
}
