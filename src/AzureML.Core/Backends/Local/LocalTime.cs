using System.Globalization;

namespace AzureML.Core.Backends.Local;

/// <summary>The one timestamp format of the local store: ISO 8601 UTC, sortable as text.</summary>
internal static class LocalTime
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
