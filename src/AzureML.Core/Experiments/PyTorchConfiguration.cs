using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>Distributed PyTorch settings: the <c>pytorch</c> section of a run configuration.</summary>
public sealed class PyTorchConfiguration
{
    /// <summary>The communication backend, for example <c>nccl</c> (default) or <c>gloo</c>.</summary>
    public string CommunicationBackend { get; set; } = "nccl";

    /// <summary>The total number of processes; <c>null</c> for one per node.</summary>
    public int? ProcessCount { get; set; }

    internal static PyTorchConfiguration Read(YamlSection section) => new()
    {
        CommunicationBackend = section.String("communicationBackend") ?? "nccl",
        ProcessCount = section.Int("processCount", min: 1),
    };

    internal JsonObject ToNode() => new() { ["communicationBackend"] = CommunicationBackend, ["processCount"] = ProcessCount };
}
