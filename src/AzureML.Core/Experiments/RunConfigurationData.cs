using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// A named data input of a run: an entry of the <c>data</c> section of a run configuration (what
/// <c>dataset.as_named_input("mnist").as_mount()</c> produces). Mirrors <c>azureml.core.runconfig.Data</c>.
/// </summary>
public sealed class RunConfigurationData
{
    internal static readonly string[] Mechanisms = ["direct", "mount", "download", "hdfs"];

    /// <summary>Where the data lives.</summary>
    public DataLocation DataLocation { get; set; } = new();

    /// <summary>How the data reaches the run: <c>direct</c> (default), <c>mount</c>, <c>download</c> or <c>hdfs</c>.</summary>
    public string Mechanism { get; set; } = "direct";

    /// <summary>The variable that holds the data's local path in the run; the argument token <c>DatasetConsumptionConfig:&lt;name&gt;</c> is replaced by the same path.</summary>
    public string? EnvironmentVariableName { get; set; }

    /// <summary>Where the data appears on the compute; <c>null</c> for a generated path.</summary>
    public string? PathOnCompute { get; set; }

    /// <summary>Overwrite existing data at <see cref="PathOnCompute"/>.</summary>
    public bool Overwrite { get; set; }

    /// <summary>Create the output folders.</summary>
    public bool CreateOutputDirectories { get; set; }

    internal static RunConfigurationData Read(YamlSection section) => new()
    {
        DataLocation = section.Read("dataLocation", DataLocation.Read) ?? new DataLocation(),
        CreateOutputDirectories = section.Bool("createOutputDirectories") ?? false,
        Mechanism = section.Choice("mechanism", Mechanisms) ?? "direct",
        EnvironmentVariableName = section.String("environmentVariableName"),
        PathOnCompute = section.String("pathOnCompute"),
        Overwrite = section.Bool("overwrite") ?? false,
    };

    internal JsonObject ToNode() => new()
    {
        ["dataLocation"] = DataLocation.ToNode(),
        ["createOutputDirectories"] = CreateOutputDirectories,
        ["mechanism"] = Mechanism,
        ["environmentVariableName"] = EnvironmentVariableName,
        ["pathOnCompute"] = PathOnCompute,
        ["overwrite"] = Overwrite,
    };
}
