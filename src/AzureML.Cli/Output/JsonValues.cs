using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureML.Cli.Output;

/// <summary>Conversions shared by the result shapes.</summary>
internal static class JsonValues
{
    public static JsonObject Map(IReadOnlyDictionary<string, string> values)
        => new(values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    public static JsonArray List(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    public static string? Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>Any serialisable value (the SDK's <c>Serialize()</c> dictionaries) as JSON.</summary>
    public static JsonNode? From(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType());
}
