using System.Globalization;

namespace AzureML.Core.Data.Delimited;

/// <summary>Parses decimal numbers such as <c>1.9</c>, <c>2.5e-3</c> or <c>NaN</c> ('.' is the decimal point).</summary>
internal readonly struct DoubleFieldParser : IFieldParser<double>
{
    public static DataFrameColumnType ColumnType => DataFrameColumnType.Float;

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
