namespace AzureML.Core.Data;

/// <summary>Collects null rows while a column is built; allocates nothing until the first null.</summary>
internal sealed class NullMaskBuilder
{
    private ulong[]? bits;
    private int nullCount;

    public void SetNull(int row)
    {
        int word = row >> 6;
        if (bits is null || word >= bits.Length) Array.Resize(ref bits, Math.Max(word + 1, (bits?.Length ?? 4) * 2));
        bits[word] |= 1UL << (row & 63);
        nullCount++;
    }

    public bool IsNull(int row)
    {
        int word = row >> 6;
        return bits is not null && word < bits.Length && (bits[word] & (1UL << (row & 63))) != 0;
    }

    /// <summary>The finished mask for <paramref name="length"/> rows, or null when no row is null.</summary>
    public NullMask? Build(int length)
    {
        if (bits is null || nullCount == 0) return null;
        int words = (length + 63) >> 6;
        if (bits.Length != words) Array.Resize(ref bits, words);
        return new NullMask(bits, nullCount);
    }
}
