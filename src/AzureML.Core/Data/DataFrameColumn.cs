using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// One named, typed, immutable column of a <see cref="DataFrame"/>. Values are stored unboxed in a typed
/// array with a separate null marker; the typed accessors read them without allocation.
/// </summary>
public abstract class DataFrameColumn
{
    private protected DataFrameColumn(string name, DataFrameColumnType dataType, int length)
    {
        Name = Argument.NotNull(name, nameof(name));
        DataType = dataType;
        Length = length;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The type of the values.</summary>
    public DataFrameColumnType DataType { get; }

    /// <summary>The number of rows.</summary>
    public int Length { get; }

    /// <summary>The number of null rows.</summary>
    public abstract int NullCount { get; }

    /// <summary>The value of a row boxed as <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
    /// <see cref="string"/> or <see cref="System.DateTime"/>, or null.</summary>
    /// <param name="row">The zero-based row.</param>
    public abstract object? this[int row] { get; }

    /// <summary>Whether the row holds no value.</summary>
    /// <param name="row">The zero-based row.</param>
    public abstract bool IsNull(int row);

    /// <summary>The value of a row of an <see cref="DataFrameColumnType.Integer"/> column.</summary>
    /// <param name="row">The zero-based row.</param>
    /// <exception cref="InvalidOperationException">The column has another type or the row is null.</exception>
    public long GetInt64(int row) => As<long>(DataFrameColumnType.Integer).GetValue(row);

    /// <summary>
    /// The value of a row of a numeric column as a double: integers are widened, booleans give 1 or 0, and a
    /// null row gives <see cref="double.NaN"/> (as pandas represents missing numbers).
    /// </summary>
    /// <param name="row">The zero-based row.</param>
    /// <exception cref="InvalidOperationException">The column holds strings or dates.</exception>
    public double GetDouble(int row) => this switch
    {
        _ when IsNull(row) && DataType is not (DataFrameColumnType.String or DataFrameColumnType.DateTime) => double.NaN,
        ValueDataFrameColumn<double> floats => floats.GetValue(row),
        ValueDataFrameColumn<long> integers => integers.GetValue(row),
        ValueDataFrameColumn<bool> booleans => booleans.GetValue(row) ? 1d : 0d,
        _ => throw WrongType("a number"),
    };

    /// <summary>The value of a row of a <see cref="DataFrameColumnType.Boolean"/> column.</summary>
    /// <param name="row">The zero-based row.</param>
    /// <exception cref="InvalidOperationException">The column has another type or the row is null.</exception>
    public bool GetBoolean(int row) => As<bool>(DataFrameColumnType.Boolean).GetValue(row);

    /// <summary>The value of a row of a <see cref="DataFrameColumnType.DateTime"/> column.</summary>
    /// <param name="row">The zero-based row.</param>
    /// <exception cref="InvalidOperationException">The column has another type or the row is null.</exception>
    public DateTime GetDateTime(int row) => As<DateTime>(DataFrameColumnType.DateTime).GetValue(row);

    /// <summary>The value of a row of a <see cref="DataFrameColumnType.String"/> column, or null.</summary>
    /// <param name="row">The zero-based row.</param>
    /// <exception cref="InvalidOperationException">The column has another type.</exception>
    public string? GetString(int row)
        => this is StringDataFrameColumn strings ? strings.GetValue(row) : throw WrongType(nameof(DataFrameColumnType.String));

    /// <summary>Creates an <see cref="DataFrameColumnType.Integer"/> column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values; null marks a missing value.</param>
    public static DataFrameColumn OfInt64(string name, IEnumerable<long?> values)
        => ValueDataFrameColumn<long>.From(name, DataFrameColumnType.Integer, values);

    /// <summary>Creates a <see cref="DataFrameColumnType.Float"/> column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values; null marks a missing value.</param>
    public static DataFrameColumn OfDouble(string name, IEnumerable<double?> values)
        => ValueDataFrameColumn<double>.From(name, DataFrameColumnType.Float, values);

    /// <summary>Creates a <see cref="DataFrameColumnType.Boolean"/> column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values; null marks a missing value.</param>
    public static DataFrameColumn OfBoolean(string name, IEnumerable<bool?> values)
        => ValueDataFrameColumn<bool>.From(name, DataFrameColumnType.Boolean, values);

    /// <summary>Creates a <see cref="DataFrameColumnType.DateTime"/> column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values; null marks a missing value.</param>
    public static DataFrameColumn OfDateTime(string name, IEnumerable<DateTime?> values)
        => ValueDataFrameColumn<DateTime>.From(name, DataFrameColumnType.DateTime, values);

    /// <summary>Creates a <see cref="DataFrameColumnType.String"/> column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values; null marks a missing value.</param>
    public static DataFrameColumn OfString(string name, IEnumerable<string?> values)
        => new StringDataFrameColumn(name, Argument.NotNull(values, nameof(values)).ToArray());

    /// <summary>Describes the column, e.g. <c>age (Float, 299 rows)</c>.</summary>
    public override string ToString() => $"{Name} ({DataType}, {Length} rows)";

    /// <summary>A new column holding rows <c>start</c> to <c>start + count - 1</c>.</summary>
    internal abstract DataFrameColumn Slice(int start, int count);

    /// <summary>A new column holding the given rows, in that order.</summary>
    internal abstract DataFrameColumn Gather(int[] rows);

    private protected void CheckRow(int row)
    {
        if ((uint)row >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Column '{Name}' has {Length} rows.");
        }
    }

    private ValueDataFrameColumn<T> As<T>(DataFrameColumnType expected) where T : struct
        => this as ValueDataFrameColumn<T> ?? throw WrongType(expected.ToString());

    private InvalidOperationException WrongType(string expected)
        => new($"Column '{Name}' holds {DataType} values, not {expected}.");
}
