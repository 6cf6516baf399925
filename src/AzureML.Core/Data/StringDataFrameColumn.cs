namespace AzureML.Core.Data;

/// <summary>A column of text; a null reference marks a missing value, so no separate bitmap is needed.</summary>
internal sealed class StringDataFrameColumn : DataFrameColumn
{
    private readonly ChunkedArray<string?> values;

    public StringDataFrameColumn(string name, ChunkedArray<string?> values)
        : base(name, DataFrameColumnType.String, values.Length)
    {
        this.values = values;
        for (int row = 0; row < values.Length; row++)
        {
            if (values[row] is null) NullCount++;
        }
    }

    public override int NullCount { get; }

    public override object? this[int row] => GetValue(row);

    public override bool IsNull(int row) => GetValue(row) is null;

    public string? GetValue(int row)
    {
        CheckRow(row);
        return values[row];
    }

    /// <summary>A column from values in memory.</summary>
    public static StringDataFrameColumn From(string name, IEnumerable<string?> values)
    {
        var builder = new ColumnValuesBuilder<string?>();
        foreach (string? value in values) builder.Append(value);
        return new StringDataFrameColumn(name, builder.Build());
    }

    internal override DataFrameColumn Slice(int start, int count) => From(Name, Enumerable.Range(start, count).Select(row => values[row]));

    internal override DataFrameColumn Gather(int[] rows) => From(Name, rows.Select(row => values[row]));
}
