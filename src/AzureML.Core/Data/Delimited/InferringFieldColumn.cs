namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Infers a column's type in the same pass that stores it. The first non-empty value picks the narrowest
/// type that holds it (integer, float, boolean, date, else text); a later integer column value that is
/// only a float widens the stored integers to floats in place. Any other misfit means the column is text,
/// whose original spelling (<c>007</c>, <c>1.50</c>) was not kept, so the read is restarted with the
/// column as text (<see cref="FieldAppendResult.NeedsText"/>); this costs a second pass only for such files.
/// </summary>
internal sealed class InferringFieldColumn : FieldColumn
{
    private readonly bool emptyAsString;
    private FieldColumn? inner;
    private int leadingEmpty;

    public InferringFieldColumn(bool emptyAsString)
    {
        this.emptyAsString = emptyAsString;
    }

    public override FieldAppendResult Append(ReadOnlySpan<char> field)
    {
        if (inner is null)
        {
            if (field.IsEmpty)
            {
                leadingEmpty++;
                return FieldAppendResult.Appended;
            }
            inner = Start(field);
        }

        FieldAppendResult result = inner.Append(field);
        if (result != FieldAppendResult.Rejected) return result;
        if (inner is TypedFieldColumn<long, Int64FieldParser> integers && LooksDecimal(field) && DoubleFieldParser.TryParse(field, out _))
        {
            inner = integers.Widen<double, DoubleFieldParser>(value => value);
            return inner.Append(field);
        }
        return FieldAppendResult.NeedsText;
    }

    public override void AppendNull()
    {
        if (inner is null) leadingEmpty++;
        else inner.AppendNull();
    }

    /// <summary>The built column; a column with no value at all is text (nulls, or empty strings with emptyAsString).</summary>
    public override DataFrameColumn Build(string name) => (inner ?? Start(string.Empty)).Build(name);

    // An integer too large for long is an identifier, not a measurement: it stays text (exactly as written)
    // rather than becoming a rounded double. Only values written as decimals make a column (or widen it to) Float.
    private static bool LooksDecimal(ReadOnlySpan<char> field)
    {
        if (field.IndexOfAny('.', 'e', 'E') >= 0) return true;
        ReadOnlySpan<char> word = field.Trim().TrimStart("+-");
        return word.Equals("nan", StringComparison.OrdinalIgnoreCase) || word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase);
    }

    private FieldColumn Start(ReadOnlySpan<char> first)
    {
        // Integers are tried before booleans, so a column of only 0 and 1 stays an integer column (as azureml infers it).
        DataFrameColumnType type =
            Int64FieldParser.TryParse(first, out _) ? DataFrameColumnType.Integer
            : LooksDecimal(first) && DoubleFieldParser.TryParse(first, out _) ? DataFrameColumnType.Float
            : BooleanFieldParser.TryParse(first, out _) ? DataFrameColumnType.Boolean
            : DateTimeFieldParser.TryParse(first, out _) ? DataFrameColumnType.DateTime
            : DataFrameColumnType.String;
        FieldColumn column = OfType(type, emptyAsString);
        // Leading missing values are replayed as empty fields, so a text column keeps them as empty
        // strings when emptyAsString asks for it.
        for (int i = 0; i < leadingEmpty; i++) column.Append([]);
        return column;
    }
}
