using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>A path in a datastore, in a run configuration's data section (<c>datapath</c>).</summary>
public sealed class DataPathReference
{
    /// <summary>The datastore.</summary>
    public string? DatastoreName { get; set; }

    /// <summary>The path inside the datastore.</summary>
    public string? RelativePath { get; set; }

    internal static DataPathReference Read(YamlSection section) => new()
    {
        DatastoreName = section.String("datastoreName"),
        RelativePath = section.String("relativePath"),
    };

    internal JsonObject ToNode() => new() { ["datastoreName"] = DatastoreName, ["relativePath"] = RelativePath };
}
