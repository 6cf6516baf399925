namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Keeps fields as text. Repeated values (categories, labels) share one string instance, so a column of a
/// few distinct values costs little more than its references; pooling stops for columns of mostly distinct text.
/// </summary>
internal sealed class StringFieldColumn : FieldColumn
{
    private const int MaxPooledValues = 4096;

    private readonly ColumnValuesBuilder<string?> values = new();
    private readonly HashSet<string> pool = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> poolBySpan;
    private readonly bool emptyAsString;

    public StringFieldColumn(bool emptyAsString)
    {
        this.emptyAsString = emptyAsString;
        poolBySpan = pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override FieldAppendResult Append(ReadOnlySpan<char> field)
    {
        values.Append(field.IsEmpty ? (emptyAsString ? string.Empty : null) : Intern(field));
        return FieldAppendResult.Appended;
    }

    public override void AppendNull() => values.Append(null);

    public override DataFrameColumn Build(string name) => new StringDataFrameColumn(name, values.MoveToArray());

    private string Intern(ReadOnlySpan<char> field)
    {
        if (poolBySpan.TryGetValue(field, out string? pooled)) return pooled;
        string text = field.ToString();
        if (pool.Count < MaxPooledValues) pool.Add(text);
        return text;
    }
}
