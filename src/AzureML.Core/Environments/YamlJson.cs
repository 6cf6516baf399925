using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace AzureML.Core;

/// <summary>
/// Converts between YAML text, the YamlDotNet representation model and <see cref="JsonNode"/> trees.
/// Definitions are built as JSON trees (the registry and <c>azureml_environment.json</c> speak JSON) and
/// written as YAML where azureml-core writes YAML, so one writer serves both forms.
/// </summary>
internal static class YamlJson
{
    /// <summary>
    /// Parses YAML (or JSON, which YAML contains) into its root node; <c>null</c> for an empty document.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="source">How error messages name the text, for example <c>'x/train.runconfig'</c>.</param>
    public static YamlNode? Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new UserErrorException($"{source}, line {ex.Start.Line}: not valid YAML: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The scanner reports some unclosed flow collections this way, without a position.
            throw new UserErrorException($"{source}, line {LastGoodLine(text)}: not valid YAML after this line; check for an unclosed '[', '{{' or quote.", ex);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static long LastGoodLine(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        long line = 1;
        try
        {
            while (scanner.MoveNext()) line = scanner.Current!.End.Line;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Scanning stops where the text stops being YAML; the last token read is the best position known.
        }

        return line;
    }

    /// <summary>A YAML node as JSON; plain scalars are resolved with the YAML 1.2 core schema.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(kv =>
            KeyValuePair.Create(KeyText(kv.Key), ToJson(kv.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ResolveScalar(scalar) switch
        {
            null => null,
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            object other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
        },
        _ => null,
    };

    /// <summary>The text of a mapping key; complex keys, which these formats never use, as YamlDotNet prints them.</summary>
    public static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    /// <summary>
    /// The value of a scalar: <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/> or
    /// <see cref="string"/>. Quoted and tagged scalars stay strings.
    /// </summary>
    public static object? ResolveScalar(YamlScalarNode scalar)
        => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty ? ResolvePlain(scalar.Value ?? "") : scalar.Value ?? "";

    /// <summary>A JSON tree as YAML text, block style, with empty collections in flow style.</summary>
    public static string Emit(JsonNode root)
    {
        var stream = new YamlStream(new YamlDocument(ToYaml(root)));
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        // The emitter leaves a space after keys of empty values and ends with a document marker; azureml-core
        // writes neither.
        IEnumerable<string> lines = writer.ToString().Split('\n')
            .Select(line => line.EndsWith(": ", StringComparison.Ordinal) || line.EndsWith("- ", StringComparison.Ordinal) ? line.TrimEnd() : line)
            .Where(line => line != "...");
        return string.Join("\n", lines).TrimEnd() + "\n";
    }

    private static YamlNode ToYaml(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return new YamlScalarNode(null);
            case JsonObject obj:
                var mapping = new YamlMappingNode { Style = obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Any };
                foreach ((string key, JsonNode? item) in obj) mapping.Add(StringScalar(key), ToYaml(item));
                return mapping;
            case JsonArray array:
                return new YamlSequenceNode(array.Select(ToYaml)) { Style = array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Any };
            default:
                JsonValue value = node.AsValue();
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => StringScalar(value.GetValue<string>()),
                    JsonValueKind.Null => new YamlScalarNode(null),
                    _ => new YamlScalarNode(value.ToJsonString()) { Style = ScalarStyle.Plain },
                };
        }
    }

    // A string that a reader would take for null, a boolean or a number is quoted so it stays a string.
    // Multi-line text such as a Dockerfile reads best, and round-trips exactly, as a literal block.
    private static YamlScalarNode StringScalar(string text) => new(text)
    {
        Style = text.Contains('\n') ? ScalarStyle.Literal
            : ResolvePlain(text) is string && text.Trim() == text ? ScalarStyle.Any
            : ScalarStyle.SingleQuoted,
    };

    private static object? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)) return integer;
        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex)) return hex;
        if (IsFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)) return real;
        return text;
    }

    private static bool IsInteger(string text)
    {
        ReadOnlySpan<char> digits = text.AsSpan().TrimStart("+-");
        return digits.Length > 0 && digits.Length >= text.Length - 1 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    // The core schema's float form: [-+]? (\.[0-9]+ | [0-9]+ (\.[0-9]*)?) ([eE] [-+]? [0-9]+)?
    private static bool IsFloat(string text)
    {
        ReadOnlySpan<char> rest = text.AsSpan();
        if (rest.Length > 0 && rest[0] is '+' or '-') rest = rest[1..];
        int mantissaDigits = 0;
        int i = 0;
        while (i < rest.Length && char.IsAsciiDigit(rest[i])) { i++; mantissaDigits++; }
        if (i < rest.Length && rest[i] == '.')
        {
            i++;
            while (i < rest.Length && char.IsAsciiDigit(rest[i])) { i++; mantissaDigits++; }
        }

        if (mantissaDigits == 0) return false;
        if (i < rest.Length && rest[i] is 'e' or 'E')
        {
            i++;
            if (i < rest.Length && rest[i] is '+' or '-') i++;
            int exponentDigits = 0;
            while (i < rest.Length && char.IsAsciiDigit(rest[i])) { i++; exponentDigits++; }
            if (exponentDigits == 0) return false;
        }

        return i == rest.Length;
    }
}
