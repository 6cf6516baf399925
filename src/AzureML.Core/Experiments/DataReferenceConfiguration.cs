using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// A datastore path made available to a run: an entry of the <c>dataReferences</c> section. Mirrors
/// <c>azureml.core.runconfig.DataReferenceConfiguration</c>.
/// </summary>
public sealed class DataReferenceConfiguration
{
    internal static readonly string[] Modes = ["mount", "download", "upload"];

    /// <summary>Creates a reference.</summary>
    /// <param name="datastoreName">The datastore.</param>
    /// <param name="mode"><c>mount</c> (default), <c>download</c> or <c>upload</c>.</param>
    /// <param name="pathOnDatastore">The path inside the datastore.</param>
    /// <param name="pathOnCompute">Where the data appears on the compute.</param>
    /// <param name="overwrite">Overwrite existing data on the way back.</param>
    public DataReferenceConfiguration(string? datastoreName = null, string mode = "mount", string? pathOnDatastore = null,
        string? pathOnCompute = null, bool overwrite = false)
    {
        DatastoreName = datastoreName;
        Mode = mode;
        PathOnDatastore = pathOnDatastore;
        PathOnCompute = pathOnCompute;
        Overwrite = overwrite;
    }

    /// <summary>The datastore.</summary>
    public string? DatastoreName { get; set; }

    /// <summary><c>mount</c>, <c>download</c> or <c>upload</c>.</summary>
    public string Mode { get; set; }

    /// <summary>The path inside the datastore.</summary>
    public string? PathOnDatastore { get; set; }

    /// <summary>Where the data appears on the compute.</summary>
    public string? PathOnCompute { get; set; }

    /// <summary>Overwrite existing data on the way back.</summary>
    public bool Overwrite { get; set; }

    internal static DataReferenceConfiguration Read(YamlSection section) => new(
        section.String("dataStoreName"),
        section.Choice("mode", Modes) ?? "mount",
        section.String("pathOnDataStore"),
        section.String("pathOnCompute"),
        section.Bool("overwrite") ?? false);

    internal JsonObject ToNode() => new()
    {
        ["dataStoreName"] = DatastoreName,
        ["mode"] = Mode,
        ["pathOnDataStore"] = PathOnDatastore,
        ["pathOnCompute"] = PathOnCompute,
        ["overwrite"] = Overwrite,
    };
}
