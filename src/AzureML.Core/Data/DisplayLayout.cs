namespace AzureML.Core.Data;

/// <summary>
/// Which rows and columns a printed table shows. Like pandas (max_rows 60, min_rows 10, max_columns 20),
/// long tables show their first and last five rows and wide ones their first and last ten columns.
/// </summary>
internal sealed class DisplayLayout
{
    private const int MaxRows = 60;
    private const int EdgeRows = 5;
    private const int MaxColumns = 20;
    private const int EdgeColumns = 10;

    private DisplayLayout(DataFrame frame, (int Start, int Count)? rows)
    {
        Labels = frame.IndexColumnName is { } index ? frame[index] : null;
        DataFrameColumn[] data = frame.Columns.Where(c => !ReferenceEquals(c, Labels)).ToArray();
        (Rows, RowGapAfter) = rows is { } range
            ? (Enumerable.Range(range.Start, range.Count).ToArray(), null)
            : Window(frame.RowCount, MaxRows, EdgeRows);
        (int[] columnPositions, ColumnGapAfter) = Window(data.Length, MaxColumns, EdgeColumns);
        Columns = Array.ConvertAll(columnPositions, i => data[i]);
        Footer = RowGapAfter is null && ColumnGapAfter is null ? null : $"{frame.RowCount} rows x {data.Length} columns";
    }

    /// <summary>The column labelling the rows, or null to label them by position.</summary>
    public DataFrameColumn? Labels { get; }

    public IReadOnlyList<int> Rows { get; }

    /// <summary>The position in <see cref="Rows"/> after which rows are left out, if any.</summary>
    public int? RowGapAfter { get; }

    public IReadOnlyList<DataFrameColumn> Columns { get; }

    /// <summary>The position in <see cref="Columns"/> after which columns are left out, if any.</summary>
    public int? ColumnGapAfter { get; }

    /// <summary>The shape, shown only when something was left out (as pandas does).</summary>
    public string? Footer { get; }

    public static DisplayLayout For(DataFrame frame) => new(frame, null);

    /// <summary>Exactly the rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1, wide tables shortened as usual.</summary>
    public static DisplayLayout ForRows(DataFrame frame, int start, int count) => new(frame, (start, count));

    /// <summary>The labels of the shown rows.</summary>
    public string[] RowLabels()
        => Labels is null
            ? Rows.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : CellFormatter.FormatForDisplay(Labels, Rows);

    private static (int[] Positions, int? GapAfter) Window(int count, int max, int edge)
        => count <= max
            ? (Enumerable.Range(0, count).ToArray(), null)
            : ([.. Enumerable.Range(0, edge), .. Enumerable.Range(count - edge, edge)], edge - 1);
}
