using System.Globalization;

namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Parses ISO-like dates and times: <c>2024-03-01</c>, <c>2024/03/01</c>, <c>2024-03-01 13:45[:30[.123]]</c>,
/// the same with a <c>T</c> and with a <c>Z</c> or <c>+02:00</c> zone. Zoned values are converted to UTC; values
/// without a zone are taken as they are (and also marked UTC so all values of a column compare alike).
/// </summary>
internal readonly struct DateTimeFieldParser : IFieldParser<DateTime>
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private static readonly string[] Formats = BuildFormats();

    public static DataFrameColumnType ColumnType => DataFrameColumnType.DateTime;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        // A cheap shape check first keeps inference from trying every format on numbers and words.
        if (trimmed.Length < 10 || !char.IsAsciiDigit(trimmed[0]) || trimmed[4] is not ('-' or '/'))
        {
            value = default;
            return false;
        }
        return DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, Styles, out value);
    }

    private static string[] BuildFormats()
    {
        string[] times = ["", "THH:mm", "THH:mm:ss", "THH:mm:ss.FFFFFFF", " HH:mm", " HH:mm:ss", " HH:mm:ss.FFFFFFF"];
        return (from date in new[] { "yyyy-MM-dd", "yyyy/MM/dd" }
                from time in times
                from zone in time.Length == 0 ? new[] { "" } : new[] { "", "K" }
                select date + time + zone).ToArray();
    }
}
