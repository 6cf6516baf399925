using System.Globalization;

namespace AzureML.Core.Data;

/// <summary>Turns cell values into text for printing (pandas' look) and for CSV (round-trippable).</summary>
internal static class CellFormatter
{
    private const int MaxDisplayWidth = 50;
    private const int FloatDecimals = 6;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The display text of some rows of a column. Floats share one format across the rows, as pandas does:
    /// six decimals with the trailing zeros that every value has removed, or scientific notation for very
    /// large or very small magnitudes.
    /// </summary>
    public static string[] FormatForDisplay(DataFrameColumn column, IReadOnlyList<int> rows) => column.DataType switch
    {
        DataFrameColumnType.Float => FormatFloats(column, rows),
        DataFrameColumnType.DateTime => FormatDates(column, rows, "yyyy-MM-dd HH:mm:ss.FFFFFFF"),
        _ => rows.Select(row => FormatOther(column, row)).ToArray(),
    };

    /// <summary>The CSV text of a cell: invariant culture, shortest round-trip floats, empty for null.</summary>
    public static string FormatForCsv(DataFrameColumn column, int row)
    {
        if (column.IsNull(row)) return string.Empty;
        return column.DataType switch
        {
            DataFrameColumnType.Integer => column.GetInt64(row).ToString(Invariant),
            DataFrameColumnType.Float => column.GetDouble(row).ToString("R", Invariant),
            DataFrameColumnType.Boolean => column.GetBoolean(row) ? "True" : "False",
            DataFrameColumnType.DateTime => FormatDate(column.GetDateTime(row), "yyyy-MM-dd HH:mm:ss.FFFFFFF"),
            _ => column.GetString(row)!,
        };
    }

    private static string FormatOther(DataFrameColumn column, int row)
    {
        if (column.IsNull(row)) return column.DataType == DataFrameColumnType.String ? "NaN" : "<NA>";
        return column.DataType switch
        {
            DataFrameColumnType.Integer => column.GetInt64(row).ToString(Invariant),
            DataFrameColumnType.Boolean => column.GetBoolean(row) ? "True" : "False",
            _ => Shorten(column.GetString(row)!),
        };
    }

    // Control characters would break the alignment; long text is cut like pandas' max_colwidth.
    private static string Shorten(string text)
    {
        string flat = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return flat.Length <= MaxDisplayWidth ? flat : string.Concat(flat.AsSpan(0, MaxDisplayWidth - 3), "...");
    }

    private static string[] FormatFloats(DataFrameColumn column, IReadOnlyList<int> rows)
    {
        double[] values = rows.Select(column.GetDouble).ToArray();
        bool scientific = values.Any(v => double.IsFinite(v) && (Math.Abs(v) >= 1e16 || (v != 0 && Math.Abs(v) < 1e-6)));
        string[] text = values.Select(v => FormatFloat(v, scientific)).ToArray();
        if (scientific) return text;

        int removable = text.Where(t => t.Contains('.', StringComparison.Ordinal))
            .Select(t => Math.Min(t.Length - t.TrimEnd('0').Length, FloatDecimals - 1))
            .DefaultIfEmpty(0)
            .Min();
        return text.Select(t => t.Contains('.', StringComparison.Ordinal) ? t[..^removable] : t).ToArray();
    }

    private static string FormatFloat(double value, bool scientific) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString(scientific ? "0.000000e+00" : "F6", Invariant),
    };

    // Dates alone when no shown value has a time of day, as pandas prints date-only columns.
    private static string[] FormatDates(DataFrameColumn column, IReadOnlyList<int> rows, string withTime)
    {
        bool anyTime = rows.Any(row => !column.IsNull(row) && column.GetDateTime(row).TimeOfDay != TimeSpan.Zero);
        return rows.Select(row => column.IsNull(row)
            ? "NaT"
            : column.GetDateTime(row).ToString(anyTime ? withTime : "yyyy-MM-dd", Invariant)).ToArray();
    }

    private static string FormatDate(DateTime value, string withTime)
        => value.ToString(value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : withTime, Invariant);
}
