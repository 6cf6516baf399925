using System.Globalization;
using System.Xml;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>Conversions every DTO converter shares: tag dictionaries, ISO-8601 durations and ids.</summary>
internal static class ArmValues
{
    /// <summary>The service's nullable-valued dictionaries as the records' plain ones (null values become empty).</summary>
    public static IReadOnlyDictionary<string, string> ToRecord(Dictionary<string, string?>? values)
        => values is null
            ? new Dictionary<string, string>()
            : values.ToDictionary(kv => kv.Key, kv => kv.Value ?? "", StringComparer.Ordinal);

    /// <summary>A record dictionary as the service's.</summary>
    public static Dictionary<string, string?> ToService(IReadOnlyDictionary<string, string>? values)
        => values is null ? new Dictionary<string, string?>() : values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);

    /// <summary><c>PT2M</c> for 120 seconds.</summary>
    public static string Duration(long seconds) => XmlConvert.ToString(TimeSpan.FromSeconds(seconds));

    /// <summary>Seconds of an ISO-8601 duration, or <c>null</c> when there is none or it is malformed.</summary>
    public static long? Seconds(string? duration)
    {
        if (string.IsNullOrEmpty(duration)) return null;
        try
        {
            return (long)XmlConvert.ToTimeSpan(duration).TotalSeconds;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The last segment of a resource id (<c>…/computes/cpu</c> → <c>cpu</c>).</summary>
    public static string? LastSegment(string? id) => string.IsNullOrEmpty(id) ? null : id.TrimEnd('/').Split('/')[^1];

    /// <summary>An integer version string as an int, or <c>null</c>.</summary>
    public static int? IntVersion(string? version)
        => int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;
}
