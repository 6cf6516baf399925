namespace AzureML.Core.Data;

/// <summary>
/// Marks which rows of a column are null, one bit per row, so typed storage never needs boxed or nullable
/// cells. Immutable once built.
/// </summary>
internal sealed class NullMask
{
    private readonly ulong[] bits;

    public NullMask(ulong[] bits, int nullCount)
    {
        this.bits = bits;
        NullCount = nullCount;
    }

    public int NullCount { get; }

    public bool IsNull(int row) => (bits[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>The mask of a new column whose row <c>i</c> is row <c>sourceRow(i)</c> of this one.</summary>
    public NullMask? Select(int count, Func<int, int> sourceRow)
    {
        var builder = new NullMaskBuilder();
        for (int i = 0; i < count; i++)
        {
            if (IsNull(sourceRow(i))) builder.SetNull(i);
        }
        return builder.Build(count);
    }
}
