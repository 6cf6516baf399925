using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// An immutable, column-oriented, typed in-memory table: what <c>TabularDataset.ToDataFrame()</c> returns
/// (azureml's <c>to_pandas_dataframe()</c>). Every operation returns a new table.
/// </summary>
public sealed class DataFrame
{
    private readonly DataFrameColumn[] columns;
    private readonly string[] names;
    private readonly Dictionary<string, int> ordinals;

    /// <summary>Creates a table from columns of equal length with distinct names.</summary>
    /// <param name="columns">The columns, in order.</param>
    /// <exception cref="ArgumentException">Lengths differ or a name repeats.</exception>
    public DataFrame(IEnumerable<DataFrameColumn> columns)
        : this(Argument.NotNull(columns, nameof(columns)).ToArray(), indexColumnName: null)
    {
    }

    internal DataFrame(DataFrameColumn[] columns, string? indexColumnName)
    {
        this.columns = columns;
        ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(columns[i], nameof(columns));
            if (!ordinals.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"Column name '{columns[i].Name}' appears more than once.", nameof(columns));
            }
            if (columns[i].Length != columns[0].Length)
            {
                throw new ArgumentException(
                    $"Column '{columns[i].Name}' has {columns[i].Length} rows but '{columns[0].Name}' has {columns[0].Length}.",
                    nameof(columns));
            }
        }
        names = Array.ConvertAll(columns, c => c.Name);
        RowCount = columns.Length == 0 ? 0 : columns[0].Length;
        IndexColumnName = indexColumnName is not null && ordinals.ContainsKey(indexColumnName) ? indexColumnName : null;
    }

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => names;

    /// <summary>The number of columns.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<DataFrameColumn> Columns => columns;

    /// <summary>
    /// The column whose values label the rows when the table is printed (pandas' index), e.g. the statistic
    /// names of <see cref="Describe"/>; null when rows are labelled by position.
    /// </summary>
    public string? IndexColumnName { get; }

    /// <summary>The column with this name.</summary>
    /// <param name="name">The column name (case-sensitive).</param>
    /// <exception cref="UserErrorException">No column has this name; the message lists the columns.</exception>
    public DataFrameColumn this[string name] => TryGetColumn(name, out DataFrameColumn? column) ? column : throw UnknownColumn(name);

    /// <summary>Looks a column up by name.</summary>
    /// <param name="name">The column name (case-sensitive).</param>
    /// <param name="column">The column, when found.</param>
    /// <returns>Whether the column exists.</returns>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DataFrameColumn? column)
    {
        column = ordinals.TryGetValue(Argument.NotNull(name, nameof(name)), out int ordinal) ? columns[ordinal] : null;
        return column is not null;
    }

    /// <summary>The values of one row, boxed, in column order (see <see cref="DataFrameColumn.this[int]"/>).</summary>
    /// <param name="row">The zero-based row.</param>
    public IReadOnlyList<object?> GetRow(int row)
    {
        if ((uint)row >= (uint)RowCount) throw new ArgumentOutOfRangeException(nameof(row), row, $"The table has {RowCount} rows.");
        return Array.ConvertAll(columns, c => c[row]);
    }

    /// <summary>The first rows (pandas' <c>head</c>).</summary>
    /// <param name="count">How many rows; fewer when the table is shorter.</param>
    public DataFrame Head(int count = 5) => Take(count);

    /// <summary>The first rows (azureml's <c>take</c>).</summary>
    /// <param name="count">How many rows; fewer when the table is shorter.</param>
    public DataFrame Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Slice(0, Math.Min(count, RowCount));
    }

    /// <summary>All rows after the first ones (azureml's <c>skip</c>).</summary>
    /// <param name="count">How many rows to leave out.</param>
    public DataFrame Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int start = Math.Min(count, RowCount);
        return Slice(start, RowCount - start);
    }

    /// <summary>Only the named columns, in table order.</summary>
    /// <param name="columnNames">The columns to keep.</param>
    /// <exception cref="UserErrorException">A name is not a column; the message lists the columns.</exception>
    public DataFrame KeepColumns(params IEnumerable<string> columnNames)
    {
        HashSet<string> keep = CheckedNames(columnNames);
        return WithColumns(columns.Where(c => keep.Contains(c.Name)));
    }

    /// <summary>All columns except the named ones.</summary>
    /// <param name="columnNames">The columns to leave out.</param>
    /// <exception cref="UserErrorException">A name is not a column; the message lists the columns.</exception>
    public DataFrame DropColumns(params IEnumerable<string> columnNames)
    {
        HashSet<string> drop = CheckedNames(columnNames);
        return WithColumns(columns.Where(c => !drop.Contains(c.Name)));
    }

    /// <summary>
    /// Splits the rows in two at random (azureml's <c>random_split</c>): each row goes to the first table with
    /// probability <paramref name="percentage"/>, keeping row order. The same seed gives the same split.
    /// </summary>
    /// <param name="percentage">The expected share of rows in the first table, from 0 to 1.</param>
    /// <param name="seed">The random seed; null for a different split each time.</param>
    /// <returns>The selected rows and the remaining rows.</returns>
    public (DataFrame First, DataFrame Second) RandomSplit(double percentage, int? seed = null)
    {
        if (!(percentage is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(percentage), percentage, "Use a value from 0 to 1.");
        Random random = seed is { } s ? new Random(s) : new Random();
        var first = new List<int>();
        var second = new List<int>();
        for (int row = 0; row < RowCount; row++) (random.NextDouble() < percentage ? first : second).Add(row);
        return (Gather([.. first]), Gather([.. second]));
    }

    /// <summary>
    /// Summary statistics of the numeric columns like pandas' <c>describe()</c>: count, mean, std (sample),
    /// min, 25%, 50%, 75% (linear interpolation), max. Booleans are left out as pandas does. The first column,
    /// <c>statistic</c>, names the rows and is the <see cref="IndexColumnName"/>.
    /// </summary>
    /// <exception cref="UserErrorException">The table has no numeric column.</exception>
    public DataFrame Describe() => DataFrameStatistics.Describe(this);

    /// <summary>The table as aligned text like pandas prints it; long tables show their first and last rows.</summary>
    public override string ToString() => DataFrameTextRenderer.Render(this);

    /// <summary>The table as an HTML <c>&lt;table&gt;</c> for notebooks, shortened like <see cref="ToString"/>.</summary>
    public string ToHtml() => DataFrameHtmlRenderer.Render(this);

    /// <summary>
    /// Some rows as an HTML <c>&lt;table&gt;</c>, labelled with their positions in this table (or the index column), for
    /// notebook views that show a long table page by page.
    /// </summary>
    /// <param name="startRow">The first row to show.</param>
    /// <param name="rowCount">How many rows to show.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rows are not all within the table.</exception>
    public string ToHtml(int startRow, int rowCount)
    {
        if (startRow < 0 || startRow > RowCount)
            throw new ArgumentOutOfRangeException(nameof(startRow), startRow, $"The table has {RowCount} rows; use a start from 0 to {RowCount}.");
        if (rowCount < 0 || rowCount > RowCount - startRow)
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, $"From row {startRow} the table has {RowCount - startRow} rows; use a count from 0 to {RowCount - startRow}.");
        return DataFrameHtmlRenderer.Render(this, startRow, rowCount);
    }

    /// <summary>Writes all rows as RFC 4180 CSV (UTF-8, header row, CRLF line ends, nulls as empty fields).</summary>
    /// <param name="path">The file to create or overwrite.</param>
    public void ToCsv(string path)
    {
        using FileStream stream = File.Create(Argument.NotNullOrEmpty(path, nameof(path)));
        ToCsv(stream);
    }

    /// <summary>Writes all rows as RFC 4180 CSV (UTF-8, header row, CRLF line ends, nulls as empty fields).</summary>
    /// <param name="stream">The stream to write to; it is left open.</param>
    public void ToCsv(Stream stream) => DataFrameCsvWriter.Write(this, Argument.NotNull(stream, nameof(stream)));

    private DataFrame Slice(int start, int count)
        => new(Array.ConvertAll(columns, c => c.Slice(start, count)), IndexColumnName);

    private DataFrame Gather(int[] rows)
        => new(Array.ConvertAll(columns, c => c.Gather(rows)), IndexColumnName);

    private DataFrame WithColumns(IEnumerable<DataFrameColumn> kept) => new(kept.ToArray(), IndexColumnName);

    private HashSet<string> CheckedNames(IEnumerable<string> columnNames)
    {
        var requested = new HashSet<string>(Argument.NotNull(columnNames, nameof(columnNames)), StringComparer.Ordinal);
        foreach (string name in requested)
        {
            if (!ordinals.ContainsKey(name)) throw UnknownColumn(name);
        }
        return requested;
    }

    private UserErrorException UnknownColumn(string name)
        => new($"The table has no column '{name}'. Columns: {string.Join(", ", names.Select(n => $"'{n}'"))}.");
}
