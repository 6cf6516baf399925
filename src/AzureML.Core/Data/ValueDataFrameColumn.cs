namespace AzureML.Core.Data;

/// <summary>A column of unboxed values (integers, floats, booleans, dates) with a null bitmap.</summary>
/// <typeparam name="T">The stored value type.</typeparam>
internal sealed class ValueDataFrameColumn<T> : DataFrameColumn where T : struct
{
    private readonly T[] values;
    private readonly NullMask? nulls;

    public ValueDataFrameColumn(string name, DataFrameColumnType dataType, T[] values, NullMask? nulls)
        : base(name, dataType, values.Length)
    {
        this.values = values;
        this.nulls = nulls;
    }

    public override int NullCount => nulls?.NullCount ?? 0;

    public override object? this[int row] => IsNull(row) ? null : values[row];

    public static ValueDataFrameColumn<T> From(string name, DataFrameColumnType dataType, IEnumerable<T?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new ColumnValuesBuilder<T>();
        foreach (T? value in values)
        {
            if (value is { } present) builder.Append(present);
            else builder.AppendNull();
        }
        NullMask? nulls = builder.BuildNulls();
        return new ValueDataFrameColumn<T>(name, dataType, builder.MoveToArray(), nulls);
    }

    public override bool IsNull(int row)
    {
        CheckRow(row);
        return nulls is not null && nulls.IsNull(row);
    }

    public T GetValue(int row)
    {
        if (IsNull(row)) throw new InvalidOperationException($"Row {row} of column '{Name}' is null; check IsNull first.");
        return values[row];
    }

    internal override DataFrameColumn Slice(int start, int count)
        => new ValueDataFrameColumn<T>(Name, DataType, values.AsSpan(start, count).ToArray(), nulls?.Select(count, i => start + i));

    internal override DataFrameColumn Gather(int[] rows)
    {
        var gathered = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) gathered[i] = values[rows[i]];
        return new ValueDataFrameColumn<T>(Name, DataType, gathered, nulls?.Select(rows.Length, i => rows[i]));
    }
}
