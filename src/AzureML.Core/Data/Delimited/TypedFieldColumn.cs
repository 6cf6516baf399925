namespace AzureML.Core.Data.Delimited;

/// <summary>Parses fields into unboxed values of one type.</summary>
/// <typeparam name="T">The stored value type.</typeparam>
/// <typeparam name="TParser">Parses field text into <typeparamref name="T"/>.</typeparam>
internal sealed class TypedFieldColumn<T, TParser> : FieldColumn
    where T : struct
    where TParser : struct, IFieldParser<T>
{
    private readonly ColumnValuesBuilder<T> values;

    public TypedFieldColumn()
        : this(new ColumnValuesBuilder<T>())
    {
    }

    private TypedFieldColumn(ColumnValuesBuilder<T> values)
    {
        this.values = values;
    }

    public override FieldAppendResult Append(ReadOnlySpan<char> field)
    {
        if (field.IsEmpty)
        {
            values.AppendNull();
            return FieldAppendResult.Appended;
        }
        if (!TParser.TryParse(field, out T value)) return FieldAppendResult.Rejected;
        values.Append(value);
        return FieldAppendResult.Appended;
    }

    public override void AppendNull() => values.AppendNull();

    /// <summary>The same rows as a wider type, e.g. integers as floats once a decimal value turns up.</summary>
    public TypedFieldColumn<TWide, TWideParser> Widen<TWide, TWideParser>(Func<T, TWide> convert)
        where TWide : struct
        where TWideParser : struct, IFieldParser<TWide>
        => new(values.Convert(convert));

    public override DataFrameColumn Build(string name)
    {
        NullMask? nulls = values.BuildNulls();
        return new ValueDataFrameColumn<T>(name, TParser.ColumnType, values.MoveToArray(), nulls);
    }
}
