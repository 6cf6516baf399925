using System.Collections;
using System.Globalization;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>How values, times and durations read, the same in HTML and in plain text.</summary>
internal static class TextFormat
{
    /// <summary>A point in time in UTC, to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration as <c>850 ms</c>, <c>12.3 s</c>, <c>4 min 05 s</c> or <c>1 h 02 min</c>.</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min"),
    };

    /// <summary>The time from <paramref name="start"/> to <paramref name="end"/> (or to now while the run goes on), or null before it starts.</summary>
    public static TimeSpan? Elapsed(DateTimeOffset? start, DateTimeOffset? end)
        => start is { } s ? (end ?? DateTimeOffset.UtcNow) - s : null;

    /// <summary>
    /// A metric value: numbers invariantly (doubles to at most 6 significant digits in tables), strings as they are,
    /// lists and tables through their own <c>ToString</c>.
    /// </summary>
    public static string Value(object? value) => value switch
    {
        null => "None",
        string s => s,
        double d => Decimal(d.ToString("G6", CultureInfo.InvariantCulture)),
        float f => Decimal(f.ToString("G6", CultureInfo.InvariantCulture)),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // A whole double keeps its decimal point (1.0, as Python prints it), so it reads as the double that was logged.
    private static string Decimal(string number) => double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
        && double.IsFinite(d) && number.IndexOfAny(['.', 'E', 'e']) < 0 ? number + ".0" : number;

    /// <summary>A short description of a logged list: its length and its last value.</summary>
    public static string Series(IList values)
        => string.Create(CultureInfo.InvariantCulture, $"{values.Count} values, last {Value(values[^1])}");
}
