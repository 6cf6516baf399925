using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>A named output of a run: an entry of the <c>outputData</c> section of a run configuration.</summary>
public sealed class OutputData
{
    internal static readonly string[] Mechanisms = ["mount", "upload", "direct", "hdfs"];

    /// <summary>Where the output goes.</summary>
    public DataLocation OutputLocation { get; set; } = new();

    /// <summary>How the output leaves the run: <c>mount</c> (default), <c>upload</c>, <c>direct</c> or <c>hdfs</c>.</summary>
    public string Mechanism { get; set; } = "mount";

    /// <summary>The variable that holds the output's local path in the run.</summary>
    public string? EnvironmentVariableName { get; set; }

    /// <summary>Where the run writes the output; <c>null</c> for a generated path.</summary>
    public string? PathOnCompute { get; set; }

    internal static OutputData Read(YamlSection section) => new()
    {
        OutputLocation = section.Read("outputLocation", DataLocation.Read) ?? new DataLocation(),
        Mechanism = section.Choice("mechanism", Mechanisms) ?? "mount",
        EnvironmentVariableName = section.String("environmentVariableName"),
        PathOnCompute = section.Read("additionalOptions", options => options.String("pathOnCompute")),
    };

    internal JsonObject ToNode() => new()
    {
        ["outputLocation"] = OutputLocation.ToNode(),
        ["mechanism"] = Mechanism,
        ["additionalOptions"] = new JsonObject { ["pathOnCompute"] = PathOnCompute },
        ["environmentVariableName"] = EnvironmentVariableName,
    };
}
