using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>A registered dataset named by id, or by name and optional version, in a run configuration's data section.</summary>
public sealed class DatasetReference
{
    /// <summary>The dataset id.</summary>
    public string? Id { get; set; }

    /// <summary>The dataset name.</summary>
    public string? Name { get; set; }

    /// <summary>The dataset version; <c>null</c> for the latest.</summary>
    public string? Version { get; set; }

    internal static DatasetReference Read(YamlSection section) => new()
    {
        Id = section.String("id"),
        Name = section.String("name"),
        Version = section.String("version"),
    };

    // azureml-core writes only the keys that identify the dataset.
    internal JsonObject ToNode()
    {
        var node = new JsonObject();
        if (Id is not null) node["id"] = Id;
        if (Name is not null) node["name"] = Name;
        if (Version is not null) node["version"] = Version;
        return node;
    }
}
