using System.Globalization;

namespace AzureML.Core.Data.Delimited;

/// <summary>Parses integers such as <c>42</c>, <c>-7</c> or <c>007</c>.</summary>
internal readonly struct Int64FieldParser : IFieldParser<long>
{
    public static DataFrameColumnType ColumnType => DataFrameColumnType.Integer;

    public static bool TryParse(ReadOnlySpan<char> text, out long value)
        => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
