using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AzureML.Core;

/// <summary>
/// Reads the keys of one YAML mapping with type checks. Every error names the source, the line, the dotted
/// key and what is allowed. Keys nobody asked for go to an <see cref="UnknownKeys"/> sink when the reader
/// calls <see cref="KeepUnknown"/>.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _node;
    private readonly UnknownKeys _unknown;
    private readonly string _sinkPath;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlSection(YamlMappingNode node, string source, string keyPath, UnknownKeys unknown, string sinkPath)
    {
        _node = node;
        Source = source;
        KeyPath = keyPath;
        _unknown = unknown;
        _sinkPath = sinkPath;
    }

    /// <summary>How messages name the file or text, for example <c>'x/.azureml/mnist.runconfig'</c>.</summary>
    public string Source { get; }

    /// <summary>The dotted path of this section from the document root; empty for the root.</summary>
    public string KeyPath { get; }

    /// <summary>The keys present, in document order.</summary>
    public IEnumerable<string> Keys => _node.Children.Keys.Select(YamlJson.KeyText);

    /// <summary>Reads a document root, which must be a mapping.</summary>
    public static YamlSection Root(YamlNode? root, string source, UnknownKeys unknown, string what)
        => root is YamlMappingNode mapping
            ? new YamlSection(mapping, source, "", unknown, "")
            : throw new UserErrorException($"{source}, line {root?.Start.Line ?? 1}: expected {what} (a mapping of keys to values), found {Describe(root)}.");

    /// <summary>The same section with unknown keys going to another sink, relative to this section.</summary>
    public YamlSection WithSink(UnknownKeys unknown) => new(_node, Source, KeyPath, unknown, "");

    /// <summary>The dotted path of a key of this section, for messages.</summary>
    public string PathOf(string key) => Join(KeyPath, key);

    /// <summary>True when the key is present (even with an empty value).</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The raw node of a key, marking it read; <c>null</c> when absent.</summary>
    public YamlNode? Raw(string key)
    {
        YamlNode? node = Find(key);
        if (node is not null) _read.Add(key);
        return node;
    }

    /// <summary>The node of a key, marking it read; <c>null</c> when absent or empty.</summary>
    public YamlNode? NonEmpty(string key)
    {
        YamlNode? node = Raw(key);
        return node is null || IsNull(node) ? null : node;
    }

    /// <summary>A scalar as text; <c>null</c> when absent or empty. Numbers and booleans are given as written.</summary>
    public string? String(string key)
    {
        YamlNode? node = NonEmpty(key);
        if (node is null) return null;
        return node is YamlScalarNode scalar ? scalar.Value : throw Error(node, key, "must be a single value (text)");
    }

    /// <summary>A boolean (<c>true</c>/<c>false</c>, any case); <c>null</c> when absent or empty.</summary>
    public bool? Bool(string key)
    {
        YamlNode? node = NonEmpty(key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar && bool.TryParse(scalar.Value, out bool value)) return value;
        throw Error(node, key, "must be true or false");
    }

    /// <summary>A whole number; <c>null</c> when absent or empty.</summary>
    public long? Long(string key, long min = long.MinValue)
    {
        YamlNode? node = NonEmpty(key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min)
        {
            return value;
        }

        throw Error(node, key, min == long.MinValue ? "must be a whole number" : $"must be a whole number of at least {min}");
    }

    /// <summary>A whole number that fits an <see cref="int"/>; <c>null</c> when absent or empty.</summary>
    public int? Int(string key, int min = int.MinValue)
    {
        long? value = Long(key, min);
        if (value is null) return null;
        return value <= int.MaxValue ? (int)value : throw Error(Find(key)!, key, $"must be a whole number up to {int.MaxValue}");
    }

    /// <summary>One of <paramref name="allowed"/>, matched in any case and returned as spelled there.</summary>
    public string? Choice(string key, IReadOnlyList<string> allowed)
    {
        string? value = String(key);
        if (value is null) return null;
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw Error(Find(key)!, key, $"allows {string.Join(", ", allowed)}");
    }

    /// <summary>A list of scalars as text; <c>null</c> when absent. A single scalar counts as a one-item list.</summary>
    public List<string>? StringList(string key)
        => Values(key)?.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();

    /// <summary>
    /// A list of scalars with their YAML types (<see cref="string"/>, <see cref="long"/>, <see cref="double"/>,
    /// <see cref="bool"/>); <c>null</c> when absent. A single scalar counts as a one-item list.
    /// </summary>
    public List<object>? Values(string key)
    {
        YamlNode? node = Raw(key);
        if (node is null || IsNull(node)) return node is null ? null : new List<object>();
        if (node is YamlScalarNode single) return new List<object> { YamlJson.ResolveScalar(single) ?? "" };
        if (node is not YamlSequenceNode sequence) throw Error(node, key, "must be a list of values");
        var values = new List<object>();
        foreach (YamlNode item in sequence.Children)
        {
            if (item is not YamlScalarNode scalar) throw Error(item, key, "must be a list of single values (text or numbers), not nested lists or mappings");
            values.Add(YamlJson.ResolveScalar(scalar) ?? "");
        }

        return values;
    }

    /// <summary>A mapping of names to scalar values as text; <c>null</c> when absent.</summary>
    public Dictionary<string, string>? StringMap(string key)
    {
        YamlNode? node = Raw(key);
        if (node is null) return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsNull(node)) return map;
        if (node is not YamlMappingNode mapping) throw Error(node, key, "must be a mapping of names to values");
        foreach ((YamlNode name, YamlNode value) in mapping.Children)
        {
            if (value is not YamlScalarNode scalar) throw Error(value, $"{key}.{YamlJson.KeyText(name)}", "must be a single value (text or number)");
            map[YamlJson.KeyText(name)] = scalar.Value ?? "";
        }

        return map;
    }

    /// <summary>A nested section; <c>null</c> when absent or empty.</summary>
    public YamlSection? Section(string key)
    {
        YamlNode? node = NonEmpty(key);
        if (node is null) return null;
        return node is YamlMappingNode mapping
            ? new YamlSection(mapping, Source, Join(KeyPath, key), _unknown, _sinkPath.Length == 0 ? key : $"{_sinkPath}{UnknownKeys.Separator}{key}")
            : throw Error(node, key, "must be a section (a mapping of keys to values)");
    }

    /// <summary>
    /// Reads a nested section with <paramref name="reader"/> and keeps the keys it did not read; <c>null</c>
    /// when absent or empty.
    /// </summary>
    public T? Read<T>(string key, Func<YamlSection, T> reader)
    {
        YamlSection? section = Section(key);
        if (section is null) return default;
        T value = reader(section);
        section.KeepUnknown();
        return value;
    }

    /// <summary>Reads a mapping of names to sections, such as <c>data</c>; empty when absent.</summary>
    public Dictionary<string, T> ReadMap<T>(string key, Func<YamlSection, T> reader) where T : class
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        YamlSection? parent = Section(key);
        if (parent is null) return map;
        foreach (string name in parent.Keys.ToList())
        {
            T? value = parent.Read(name, reader);
            if (value is not null) map[name] = value;
        }

        return map;
    }

    /// <summary>Sends every key not read so far to the unknown-key sink.</summary>
    public void KeepUnknown()
    {
        foreach ((YamlNode key, YamlNode value) in _node.Children)
        {
            string name = YamlJson.KeyText(key);
            if (_read.Add(name)) _unknown.Add(_sinkPath, name, YamlJson.ToJson(value));
        }
    }

    /// <summary>An error about a key of this section, at the line of <paramref name="node"/>.</summary>
    public UserErrorException Error(YamlNode node, string key, string problem)
        => new($"{Source}, line {node.Start.Line}: '{Join(KeyPath, key)}' {problem}; found {Describe(node)}.");

    private YamlNode? Find(string key)
        => _node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && YamlJson.ResolveScalar(scalar) is null;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}
