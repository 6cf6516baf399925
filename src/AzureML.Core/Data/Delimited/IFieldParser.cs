namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Parses field text into one column type. Implemented by structs so that generic column code calling the
/// static members is specialized per type, with no virtual call per field.
/// </summary>
/// <typeparam name="T">The parsed value type.</typeparam>
internal interface IFieldParser<T> where T : struct
{
    /// <summary>The column type the parsed values make.</summary>
    static abstract DataFrameColumnType ColumnType { get; }

    /// <summary>Parses non-empty field text.</summary>
    static abstract bool TryParse(ReadOnlySpan<char> text, out T value);
}
