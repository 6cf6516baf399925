namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Collects the records of one read attempt into typed columns: checks each record's width, routes fields
/// to their column, applies onError, and remembers which file each row came from for the path column.
/// </summary>
internal sealed class DelimitedTableBuilder
{
    private readonly DelimitedReadOptions options;
    private readonly string[] names;
    private readonly FieldColumn[] columns;
    private readonly List<(string Name, int EndRow)> files = [];
    private int rowCount;

    /// <param name="names">The column names from the header (or generated), in file order.</param>
    /// <param name="options">The read options.</param>
    /// <param name="textColumns">Columns that an earlier attempt found to be text.</param>
    public DelimitedTableBuilder(string[] names, DelimitedReadOptions options, IReadOnlySet<int> textColumns)
    {
        this.names = names;
        this.options = options;
        columns = new FieldColumn[names.Length];
        for (int c = 0; c < names.Length; c++) columns[c] = ColumnFor(c, textColumns);
    }

    /// <summary>The names the header of every further file must repeat.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Adds the tokenizer's current record.</summary>
    /// <returns>The column that turned out to be text (the read must restart), or null.</returns>
    /// <exception cref="UserErrorException">The record is malformed or a value does not convert, and onError is "fail".</exception>
    public int? AppendRecord(DelimitedTokenizer record, string file)
    {
        int fieldCount = record.FieldCount;
        if (fieldCount != columns.Length && !options.NullOnError)
        {
            throw new UserErrorException(
                $"{file}, line {record.Line}: expected {columns.Length} fields but got {fieldCount}. Check the separator " +
                $"('{options.Separator}') and the quoting of that row, or read with onError \"null\" to pad or cut such rows with nulls.");
        }

        int present = Math.Min(fieldCount, columns.Length);
        for (int c = 0; c < present; c++)
        {
            switch (columns[c].Append(record.GetField(c)))
            {
                case FieldAppendResult.NeedsText:
                    return c;
                case FieldAppendResult.Rejected when options.NullOnError:
                    columns[c].AppendNull();
                    break;
                case FieldAppendResult.Rejected:
                    throw new UserErrorException(
                        $"{file}, line {record.Line}: value '{record.GetField(c)}' of column '{names[c]}' is not a valid " +
                        $"{options.SetColumnTypes![names[c]]}. Fix the value, set another type, or read with onError \"null\" to make such values null.");
            }
        }
        for (int c = present; c < columns.Length; c++) columns[c].AppendNull();
        rowCount++;
        return null;
    }

    /// <summary>Marks the rows read so far as coming from <paramref name="file"/>.</summary>
    public void EndFile(string file) => files.Add((file, rowCount));

    public DataFrame Build()
    {
        var built = new List<DataFrameColumn>(columns.Length + 1);
        if (options.IncludePath) built.Add(BuildPathColumn());
        for (int c = 0; c < columns.Length; c++)
        {
            built.Add(columns[c].Build(names[c]));
            columns[c] = null!; // releases the builder's buffers before the next column is copied
        }
        return new DataFrame(built);
    }

    private FieldColumn ColumnFor(int column, IReadOnlySet<int> textColumns)
    {
        if (options.SetColumnTypes is { } set && set.TryGetValue(names[column], out DataFrameColumnType type))
        {
            return FieldColumn.OfType(type, options.EmptyAsString);
        }
        return options.InferColumnTypes && !textColumns.Contains(column)
            ? new InferringFieldColumn(options.EmptyAsString)
            : FieldColumn.OfType(DataFrameColumnType.String, options.EmptyAsString);
    }

    private DataFrameColumn BuildPathColumn()
    {
        var paths = new string?[rowCount];
        int start = 0;
        foreach ((string name, int endRow) in files)
        {
            paths.AsSpan(start, endRow - start).Fill(name);
            start = endRow;
        }
        return new StringDataFrameColumn(DelimitedReadOptions.PathColumnName, paths);
    }
}
