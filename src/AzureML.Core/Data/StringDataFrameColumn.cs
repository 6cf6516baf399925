namespace AzureML.Core.Data;

/// <summary>A column of text; a null reference marks a missing value, so no separate bitmap is needed.</summary>
internal sealed class StringDataFrameColumn : DataFrameColumn
{
    private readonly string?[] values;

    public StringDataFrameColumn(string name, string?[] values)
        : base(name, DataFrameColumnType.String, values.Length)
    {
        this.values = values;
        NullCount = values.Count(v => v is null);
    }

    public override int NullCount { get; }

    public override object? this[int row] => GetValue(row);

    public override bool IsNull(int row) => GetValue(row) is null;

    public string? GetValue(int row)
    {
        CheckRow(row);
        return values[row];
    }

    internal override DataFrameColumn Slice(int start, int count)
        => new StringDataFrameColumn(Name, values.AsSpan(start, count).ToArray());

    internal override DataFrameColumn Gather(int[] rows)
        => new StringDataFrameColumn(Name, Array.ConvertAll(rows, row => values[row]));
}
