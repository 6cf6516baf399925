using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// Keys a reader did not recognise, by the path of the section they were in, so that files written by other
/// tools (newer or older azureml-core, the CLI) keep them when this SDK writes the file back.
/// </summary>
/// <remarks>
/// Section paths join keys with <see cref="Separator"/>, not dots, because keys such as <c>spark.app.name</c>
/// contain dots.
/// </remarks>
internal sealed class UnknownKeys
{
    /// <summary>Joins the keys of a section path.</summary>
    public const char Separator = '/';

    private readonly Dictionary<string, JsonObject> _bySection = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Adds every kept key to the written tree <paramref name="root"/>, each after the known keys of its
    /// section; a section the writer left empty (<c>null</c>) is created to hold them.
    /// </summary>
    public void WriteInto(JsonObject root)
    {
        foreach ((string path, JsonObject keys) in _bySection)
        {
            JsonObject target = root;
            foreach (string key in path.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (target[key] is not JsonObject child)
                {
                    child = new JsonObject();
                    target[key] = child;
                }

                target = child;
            }

            foreach ((string key, JsonNode? value) in keys)
            {
                if (!target.ContainsKey(key)) target[key] = value?.DeepClone();
            }
        }
    }
}
