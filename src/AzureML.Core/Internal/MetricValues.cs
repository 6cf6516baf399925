using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Internal;

/// <summary>
/// Converts logged values between CLR objects and the JSON kept by the stores, folds metric points the way
/// azureml-core's <c>get_metrics</c> presents them, and prints values.
/// </summary>
internal static class MetricValues
{
    /// <summary>
    /// The fold's SQL, read from the shim's <c>azureml/_local/metric_fold.py</c> (its <c>FOLD_SQL</c>), so that
    /// C# and Python scripts fold with the very same statement.
    /// </summary>
    private static readonly Lazy<string> s_foldSql = new(() =>
    {
        const string Resource = "PythonShim/azureml/_local/metric_fold.py";
        const string Start = "FOLD_SQL = r\"\"\"";
        using Stream stream = typeof(MetricValues).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from {typeof(MetricValues).Assembly.GetName().Name}.");
        string module = new StreamReader(stream).ReadToEnd();
        int start = module.IndexOf(Start, StringComparison.Ordinal);
        int end = start < 0 ? -1 : module.IndexOf("\"\"\"", start + Start.Length, StringComparison.Ordinal);
        if (end < 0) throw new InvalidOperationException($"{Resource} holds no FOLD_SQL = r\"\"\"...\"\"\" block.");
        return module[(start + Start.Length)..end];
    });

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

    /// <summary>JSON has no NaN or infinities: they are stored as <c>{"$number": "NaN"}</c> (the Python shim does the same) and read back as doubles.</summary>
    public const string NonFiniteTag = "$number";

    // A whole double keeps its ".0" so it reads back as a double, not an integer.
    private static JsonNode DoubleToJson(double d)
    {
        if (!double.IsFinite(d)) return new JsonObject { [NonFiniteTag] = double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity" };
        return JsonNode.Parse(FormatDouble(d))!;
    }

    /// <summary>A stored JSON value back as a CLR value: long, double, bool, string, null, <see cref="MetricList"/> or dictionary.</summary>
    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                return new MetricList(array.Select(FromJson).ToList());
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
    /// Folds a run's points per name with the one fold the Python shim also runs (<c>metric_fold.py</c>): one
    /// scalar gives its value, several a <see cref="MetricList"/>; a list gives the list; rows and tables give a
    /// <see cref="MetricTable"/> (column → values); images give the artifact name(s).
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Fold(IEnumerable<MetricRecord> points)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (SqliteCommand create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE points (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, value TEXT);";
            create.ExecuteNonQuery();
        }

        using (SqliteTransaction transaction = connection.BeginTransaction())
        using (SqliteCommand insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO points (name, kind, value) VALUES ($name, $kind, $value);";
            SqliteParameter name = insert.Parameters.Add("$name", SqliteType.Text);
            SqliteParameter kind = insert.Parameters.Add("$kind", SqliteType.Text);
            SqliteParameter value = insert.Parameters.Add("$value", SqliteType.Text);
            foreach (MetricRecord point in points)
            {
                name.Value = point.Name;
                kind.Value = point.Kind.ToString().ToLowerInvariant();
                value.Value = (object?)point.Value?.ToJsonString() ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        // The statement answers each metric's JSON in pieces, in order: join them, then read the value.
        var texts = new Dictionary<string, (string Kind, StringBuilder Json)>(StringComparer.Ordinal);
        using (SqliteCommand fold = connection.CreateCommand())
        {
            fold.CommandText = s_foldSql.Value;
            using SqliteDataReader reader = fold.ExecuteReader();
            while (reader.Read())
            {
                string name = reader.GetString(0);
                if (!texts.TryGetValue(name, out (string Kind, StringBuilder Json) text)) texts[name] = text = (reader.GetString(1), new StringBuilder());
                text.Json.Append(reader.GetString(2));
            }
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((string name, (string kind, StringBuilder json)) in texts)
        {
            JsonNode? folded = JsonNode.Parse(json.ToString());
            result[name] = kind is "row" or "table"
                ? new MetricTable(folded!.AsObject().ToDictionary(c => c.Key, c => (IReadOnlyList<object?>)FromJson(c.Value)!, StringComparer.Ordinal))
                : FromJson(folded);
        }

        return result;
    }

    /// <summary>
    /// A metric value as text, for <see cref="MetricList"/> and <see cref="MetricTable"/>: lists in brackets, strings
    /// quoted, doubles with their decimal point (<c>1.0</c>, as Python prints them), so a printed metric shows what was logged.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        double d when double.IsFinite(d) => FormatDouble(d),
        double d => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity",
        IReadOnlyDictionary<string, IReadOnlyList<object?>> table => "{" + string.Join(", ", table.Select(c => Format(c.Key) + ": " + Format(c.Value))) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatDouble(double d)
    {
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? text + ".0" : text;
    }
}
