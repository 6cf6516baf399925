namespace AzureML.Core.Data;

/// <summary>
/// Immutable column storage in fixed-size chunks. A column is read straight into its chunks and kept in
/// them, so finishing a read copies nothing and never needs a second, table-sized array; chunks stay below
/// the large-object threshold so the collector can compact them.
/// </summary>
/// <typeparam name="T">The stored value type.</typeparam>
internal sealed class ChunkedArray<T>
{
    public const int ChunkShift = 12;
    public const int ChunkLength = 1 << ChunkShift;
    private const int ChunkMask = ChunkLength - 1;

    private readonly T[][] chunks;

    public ChunkedArray(T[][] chunks, int length)
    {
        this.chunks = chunks;
        Length = length;
    }

    public int Length { get; }

    public T this[int index] => chunks[index >> ChunkShift][index & ChunkMask];
}
