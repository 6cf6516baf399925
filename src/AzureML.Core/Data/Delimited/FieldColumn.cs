namespace AzureML.Core.Data.Delimited;

/// <summary>Receives the fields of one column as they are read and builds the finished column.</summary>
internal abstract class FieldColumn
{
    /// <summary>Adds a field; empty text is a missing value.</summary>
    public abstract FieldAppendResult Append(ReadOnlySpan<char> field);

    /// <summary>Adds a missing value.</summary>
    public abstract void AppendNull();

    /// <summary>The finished column; the builder must not be used afterwards.</summary>
    public abstract DataFrameColumn Build(string name);

    /// <summary>A column that parses every field as <paramref name="type"/>.</summary>
    public static FieldColumn OfType(DataFrameColumnType type, bool emptyAsString) => type switch
    {
        DataFrameColumnType.Integer => new TypedFieldColumn<long, Int64FieldParser>(),
        DataFrameColumnType.Float => new TypedFieldColumn<double, DoubleFieldParser>(),
        DataFrameColumnType.Boolean => new TypedFieldColumn<bool, BooleanFieldParser>(),
        DataFrameColumnType.DateTime => new TypedFieldColumn<DateTime, DateTimeFieldParser>(),
        _ => new StringFieldColumn(emptyAsString),
    };
}
