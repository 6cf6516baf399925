using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>Where a data input or output lives: a registered dataset or a datastore path.</summary>
public sealed class DataLocation
{
    /// <summary>A registered dataset.</summary>
    public DatasetReference? Dataset { get; set; }

    /// <summary>A datastore path.</summary>
    public DataPathReference? DataPath { get; set; }

    internal static DataLocation Read(YamlSection section) => new()
    {
        Dataset = section.Read("dataset", DatasetReference.Read),
        DataPath = section.Read("datapath", DataPathReference.Read),
    };

    internal JsonObject ToNode() => new() { ["dataset"] = Dataset?.ToNode(), ["datapath"] = DataPath?.ToNode() };
}
