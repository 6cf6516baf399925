namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Parses <c>true</c>/<c>false</c> in any case, and <c>1</c>/<c>0</c> as azureml's <c>to_bool</c> does.
/// Inference tries integers first, so a column of only 0 and 1 stays an integer column unless set to Boolean.
/// </summary>
internal readonly struct BooleanFieldParser : IFieldParser<bool>
{
    public static DataFrameColumnType ColumnType => DataFrameColumnType.Boolean;

    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        value = trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed.SequenceEqual("1");
        return value || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) || trimmed.SequenceEqual("0");
    }
}
