using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>What a run records: outputs, a snapshot of the project, watched folders. The <c>history</c> section of a run configuration.</summary>
public sealed class HistoryConfiguration
{
    /// <summary>Collect the run's outputs, logs and metrics. Default <c>true</c>.</summary>
    public bool OutputCollection { get; set; } = true;

    /// <summary>Snapshot the source directory when the run starts. Default <c>true</c>.</summary>
    public bool SnapshotProject { get; set; } = true;

    /// <summary>Folders whose files stream to the run while it runs. Default <c>logs</c>.</summary>
    public IList<string> DirectoriesToWatch { get; set; } = new List<string> { "logs" };

    internal static HistoryConfiguration Read(YamlSection section) => new()
    {
        OutputCollection = section.Bool("outputCollection") ?? true,
        SnapshotProject = section.Bool("snapshotProject") ?? true,
        DirectoriesToWatch = section.StringList("directoriesToWatch") ?? new List<string> { "logs" },
    };

    internal JsonObject ToNode() => new()
    {
        ["outputCollection"] = OutputCollection,
        ["snapshotProject"] = SnapshotProject,
        ["directoriesToWatch"] = RunConfigurationNodes.Strings(DirectoriesToWatch),
    };
}
