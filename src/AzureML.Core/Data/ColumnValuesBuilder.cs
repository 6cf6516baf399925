namespace AzureML.Core.Data;

/// <summary>
/// Appends the values of one column in chunks, so growing never copies what was already read, and hands
/// them over as one exact-length array at the end; peak memory is the finished table plus one column.
/// </summary>
/// <typeparam name="T">The stored value type.</typeparam>
internal sealed class ColumnValuesBuilder<T>
{
    private const int FirstChunkLength = 256;
    private const int MaxChunkLength = 1 << 16;

    private readonly List<T[]> chunks = [];
    private readonly NullMaskBuilder nulls = new();
    private T[] current = [];
    private int usedInCurrent;

    public int Count { get; private set; }

    public void Append(T value)
    {
        if (usedInCurrent == current.Length) StartChunk();
        current[usedInCurrent++] = value;
        Count++;
    }

    public void AppendNull()
    {
        nulls.SetNull(Count);
        Append(default!);
    }

    public void AppendNulls(int count)
    {
        for (int i = 0; i < count; i++) AppendNull();
    }

    /// <summary>A builder holding the same rows converted value by value (used to widen integers to floats).</summary>
    public ColumnValuesBuilder<TOut> Convert<TOut>(Func<T, TOut> convert)
    {
        var converted = new ColumnValuesBuilder<TOut>();
        int row = 0;
        foreach (T[] chunk in chunks)
        {
            int used = ReferenceEquals(chunk, current) ? usedInCurrent : chunk.Length;
            for (int i = 0; i < used; i++, row++)
            {
                if (nulls.IsNull(row)) converted.AppendNull();
                else converted.Append(convert(chunk[i]));
            }
        }
        return converted;
    }

    /// <summary>Moves the values into one array; the builder must not be used afterwards.</summary>
    public T[] MoveToArray()
    {
        var values = new T[Count];
        int offset = 0;
        for (int c = 0; c < chunks.Count; c++)
        {
            int used = Math.Min(chunks[c].Length, Count - offset);
            Array.Copy(chunks[c], 0, values, offset, used);
            offset += used;
            chunks[c] = []; // lets the collector reclaim each chunk as soon as it is copied
        }
        current = [];
        return values;
    }

    public NullMask? BuildNulls() => nulls.Build(Count);

    private void StartChunk()
    {
        int length = current.Length == 0 ? FirstChunkLength : Math.Min(current.Length * 2, MaxChunkLength);
        current = new T[length];
        chunks.Add(current);
        usedInCurrent = 0;
    }
}
