using System.Text.Json;

namespace AzureML.Core.Data;

/// <summary>Reads the fields of a <c>dataset.json</c> definition file with errors that name the file, the field and what is allowed.</summary>
internal sealed class DefinitionFileReader
{
    private readonly string _folder;

    public DefinitionFileReader(string file, JsonElement root)
    {
        File = file;
        _folder = Path.GetDirectoryName(file)!;
        if (root.ValueKind != JsonValueKind.Object) throw new UserErrorException($"{file}: the file must hold a JSON object.");
    }

    public string File { get; }

    public UserErrorException Missing(string field) => new($"{File}: the required field '{field}' is missing.");

    public void OnlyKeys(JsonElement element, string prefix, string[] allowed)
    {
        string? unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !allowed.Contains(n, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new UserErrorException($"{File}: '{prefix}{unknown}' is not a known field; allowed here: {string.Join(", ", allowed.Select(a => prefix + a))}.");
        }
    }

    public string? String(JsonElement parent, string name) => Get(parent, name, JsonValueKind.String, "a string")?.GetString();

    public bool? Bool(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new UserErrorException($"{File}: '{name}' must be true or false; got {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    public int? Number(JsonElement parent, string name)
        => Get(parent, name, JsonValueKind.Number, "a number") is { } value && value.TryGetInt32(out int number) ? number : null;

    public JsonElement? Object(JsonElement parent, string name) => Get(parent, name, JsonValueKind.Object, "an object");

    public Dictionary<string, string> Tags(JsonElement registration)
    {
        if (Object(registration, "tags") is not { } tags) return new Dictionary<string, string>();
        return tags.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String
            ? p.Value.GetString()!
            : throw new UserErrorException($"{File}: tag 'registration.tags.{p.Name}' must be a string."), StringComparer.Ordinal);
    }

    /// <summary><c>parameters.path</c>: a string or a list of strings; local paths are relative to the file's folder.</summary>
    public List<DataPath> Paths(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("path", out JsonElement path)) throw Missing("parameters.path");
        IEnumerable<JsonElement> items = path.ValueKind == JsonValueKind.Array ? path.EnumerateArray() : [path];
        return items.Select(item => item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
                ? Resolve(item.GetString()!)
                : throw new UserErrorException($"{File}: 'parameters.path' must be a path or URL, or a list of them."))
            .ToList();
    }

    private DataPath Resolve(string value)
        => value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? value
            : Path.GetFullPath(Path.Combine(_folder, value));

    private JsonElement? Get(JsonElement parent, string name, JsonValueKind kind, string expected)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != kind) throw new UserErrorException($"{File}: '{name}' must be {expected}; got {value.ValueKind.ToString().ToLowerInvariant()}.");
        return value;
    }
}
