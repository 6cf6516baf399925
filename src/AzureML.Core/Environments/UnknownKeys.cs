using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// Keys a reader did not recognise, by the dotted path of the section they were in, so that files written by
/// other tools (newer or older azureml-core, the CLI) keep them when this SDK writes the file back.
/// </summary>
internal sealed class UnknownKeys
{
    private readonly Dictionary<string, JsonObject> _bySection = new(StringComparer.Ordinal);

    /// <summary>True when nothing was kept.</summary>
    public bool IsEmpty => _bySection.Count == 0;

    /// <summary>Keeps a key of the section at <paramref name="sectionPath"/> (empty for the root).</summary>
    public void Add(string sectionPath, string key, JsonNode? value)
    {
        if (!_bySection.TryGetValue(sectionPath, out JsonObject? section))
        {
            section = new JsonObject();
            _bySection[sectionPath] = section;
        }

        section[key] = value;
    }

    /// <summary>Adds the kept keys of a section to <paramref name="target"/>, after its known keys.</summary>
    public void WriteInto(string sectionPath, JsonObject target)
    {
        if (!_bySection.TryGetValue(sectionPath, out JsonObject? section)) return;
        foreach ((string key, JsonNode? value) in section)
        {
            if (!target.ContainsKey(key)) target[key] = value?.DeepClone();
        }
    }
}
