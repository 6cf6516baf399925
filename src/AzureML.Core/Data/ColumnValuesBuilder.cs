namespace AzureML.Core.Data;

/// <summary>
/// Appends the values of one column into <see cref="ChunkedArray{T}"/> chunks, so growing never copies what
/// was already read, and tracks the null rows.
/// </summary>
/// <typeparam name="T">The stored value type.</typeparam>
internal sealed class ColumnValuesBuilder<T>
{
    private readonly List<T[]> chunks = [];
    private readonly NullMaskBuilder nulls = new();
    private T[] current = [];
    private int usedInCurrent;

    public int Count { get; private set; }

    public void Append(T value)
    {
        if (usedInCurrent == current.Length)
        {
            current = new T[ChunkedArray<T>.ChunkLength];
            chunks.Add(current);
            usedInCurrent = 0;
        }
        current[usedInCurrent++] = value;
        Count++;
    }

    public void AppendNull()
    {
        nulls.SetNull(Count);
        Append(default!);
    }

    /// <summary>A builder holding the same rows converted value by value (used to widen integers to floats).</summary>
    public ColumnValuesBuilder<TOut> Convert<TOut>(Func<T, TOut> convert)
    {
        var converted = new ColumnValuesBuilder<TOut>();
        for (int row = 0; row < Count; row++)
        {
            if (nulls.IsNull(row)) converted.AppendNull();
            else converted.Append(convert(chunks[row >> ChunkedArray<T>.ChunkShift][row & (ChunkedArray<T>.ChunkLength - 1)]));
        }
        return converted;
    }

    /// <summary>The values; the last chunk is trimmed so a short column costs only its rows. The builder must not be used afterwards.</summary>
    public ChunkedArray<T> Build()
    {
        if (chunks.Count > 0 && usedInCurrent < current.Length) chunks[^1] = current[..usedInCurrent];
        return new ChunkedArray<T>([.. chunks], Count);
    }

    public NullMask? BuildNulls() => nulls.Build(Count);
}
