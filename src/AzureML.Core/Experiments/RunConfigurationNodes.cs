using System.Globalization;
using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>JSON building blocks shared by the run configuration sections' writers.</summary>
internal static class RunConfigurationNodes
{
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> values)
        => new(values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));

    /// <summary>A script argument as written: numbers and booleans keep their type, anything else is its text.</summary>
    public static JsonNode? Argument(object? argument) => argument switch
    {
        null => null,
        string s => s,
        bool b => b,
        byte or sbyte or short or ushort or int or uint or long => Convert.ToInt64(argument, CultureInfo.InvariantCulture),
        float or double or decimal => Convert.ToDouble(argument, CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => argument.ToString(),
    };
}
