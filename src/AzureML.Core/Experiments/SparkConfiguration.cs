using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>Spark settings for PySpark runs: the top-level <c>spark</c> section of a run configuration.</summary>
public sealed class SparkConfiguration
{
    /// <summary>Spark configuration properties. Defaults to azureml-core's application name and one attempt.</summary>
    public IDictionary<string, string> Configuration { get; set; } = Defaults();

    internal static SparkConfiguration Read(YamlSection section) => new()
    {
        Configuration = section.StringMap("configuration") ?? Defaults(),
    };

    internal JsonObject ToNode() => new() { ["configuration"] = RunConfigurationNodes.Map(Configuration) };

    private static Dictionary<string, string> Defaults() => new(StringComparer.Ordinal)
    {
        ["spark.app.name"] = "Azure ML Experiment",
        ["spark.yarn.maxAppAttempts"] = "1",
    };
}
