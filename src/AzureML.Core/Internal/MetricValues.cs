using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Backends;

namespace AzureML.Core.Internal;

/// <summary>
/// Converts logged values between CLR objects and the JSON kept by the stores, and folds metric points the
/// way azureml-core's <c>get_metrics</c> presents them.
/// </summary>
internal static class MetricValues
{
    /// <summary>A scalar value as JSON; integers stay integers, other numbers become doubles.</summary>
    public static JsonNode? ToJson(object? value, string metricName) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        byte or sbyte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u => u <= long.MaxValue ? JsonValue.Create((long)u) : JsonValue.Create((double)u),
        float f => DoubleToJson(f),
        double d => DoubleToJson(d),
        decimal m => JsonValue.Create((double)m),
        DateTime dt => JsonValue.Create(dt.ToString("o", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("o", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(
            $"Metric '{metricName}' got a value of type {value.GetType().Name}; metrics take numbers, strings, booleans or null " +
            "(use LogList for sequences and LogTable/LogRow for tables).", nameof(value)),
    };

    /// <summary>A sequence of scalar values as a JSON array.</summary>
    public static JsonArray ToJsonArray(IEnumerable values, string metricName)
    {
        var array = new JsonArray();
        foreach (object? item in values) array.Add(ToJson(item, metricName));
        return array;
    }

    // JSON has no NaN or infinities; they are kept as their conventional names, as pandas writes them.
    /// <summary>JSON has no NaN or infinities: they are stored as <c>{"$number": "NaN"}</c> (the Python shim does the same) and read back as doubles.</summary>
    public const string NonFiniteTag = "$number";

    // A whole double keeps its ".0" so it reads back as a double, not an integer.
    private static JsonNode DoubleToJson(double d)
    {
        if (!double.IsFinite(d)) return new JsonObject { [NonFiniteTag] = double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity" };
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0) text += ".0";
        return JsonNode.Parse(text)!;
    }

    /// <summary>A stored JSON value back as a CLR value: long, double, bool, string, null, list or dictionary.</summary>
    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                return array.Select(FromJson).ToList();
            case JsonObject tagged when tagged.Count == 1 && tagged[NonFiniteTag] is JsonValue text:
                return double.Parse(text.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonObject obj:
                return obj.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.Ordinal);
            case JsonValue value:
                JsonElement element = value.GetValue<JsonElement>();
                return element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => NumberFromRaw(element),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static object NumberFromRaw(JsonElement element)
    {
        string raw = element.GetRawText();
        bool integral = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
        if (integral && element.TryGetInt64(out long l)) return l;
        return element.GetDouble();
    }

    /// <summary>
    /// Folds a run's points per name: one scalar gives its value, several give a list; a list gives the
    /// list; rows and tables give column → values; images give the artifact name(s).
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Fold(IEnumerable<MetricRecord> points)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (IGrouping<string, MetricRecord> group in points.GroupBy(p => p.Name, StringComparer.Ordinal))
        {
            List<MetricRecord> items = group.ToList();
            MetricKind kind = items[^1].Kind;
            result[group.Key] = kind switch
            {
                MetricKind.Row or MetricKind.Table => FoldTable(items),
                MetricKind.List => items.Count == 1 ? FromJson(items[0].Value) : items.Select(i => FromJson(i.Value)).ToList(),
                _ => items.Count == 1 ? FromJson(items[0].Value) : items.Select(i => FromJson(i.Value)).ToList(),
            };
        }

        return result;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<object?>> FoldTable(List<MetricRecord> items)
    {
        var columns = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        int rows = 0;
        foreach (MetricRecord item in items)
        {
            if (item.Value is not JsonObject obj) continue;
            int added = 0;
            foreach ((string column, JsonNode? cell) in obj)
            {
                if (!columns.TryGetValue(column, out List<object?>? list))
                {
                    list = Enumerable.Repeat<object?>(null, rows).ToList();
                    columns[column] = list;
                }

                if (item.Kind == MetricKind.Row)
                {
                    list.Add(FromJson(cell));
                    added = 1;
                }
                else
                {
                    var values = cell as JsonArray ?? new JsonArray();
                    foreach (JsonNode? v in values) list.Add(FromJson(v));
                    added = Math.Max(added, values.Count);
                }
            }

            rows += added;
            foreach (List<object?> list in columns.Values)
            {
                while (list.Count < rows) list.Add(null);
            }
        }

        return columns.ToDictionary(c => c.Key, c => (IReadOnlyList<object?>)c.Value, StringComparer.Ordinal);
    }
}
