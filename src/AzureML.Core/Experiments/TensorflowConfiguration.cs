using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>Distributed TensorFlow settings: the <c>tensorflow</c> section of a run configuration.</summary>
public sealed class TensorflowConfiguration
{
    /// <summary>The number of worker tasks. Default 1.</summary>
    public int WorkerCount { get; set; } = 1;

    /// <summary>The number of parameter server tasks. Default 1.</summary>
    public int ParameterServerCount { get; set; } = 1;

    internal static TensorflowConfiguration Read(YamlSection section) => new()
    {
        WorkerCount = section.Int("workerCount", min: 0) ?? 1,
        ParameterServerCount = section.Int("parameterServerCount", min: 0) ?? 1,
    };

    internal JsonObject ToNode() => new() { ["workerCount"] = WorkerCount, ["parameterServerCount"] = ParameterServerCount };
}
