using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>HDInsight settings: the <c>hdi</c> section of a run configuration.</summary>
public sealed class HdiConfiguration
{
    internal static readonly string[] DeployModes = ["cluster", "client"];

    /// <summary>The YARN deploy mode: <c>cluster</c> (default) or <c>client</c>.</summary>
    public string YarnDeployMode { get; set; } = "cluster";

    internal static HdiConfiguration Read(YamlSection section) => new()
    {
        YarnDeployMode = section.Choice("yarnDeployMode", DeployModes) ?? "cluster",
    };

    internal JsonObject ToNode() => new() { ["yarnDeployMode"] = YarnDeployMode };
}
