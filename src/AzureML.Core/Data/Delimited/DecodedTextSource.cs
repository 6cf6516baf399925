using System.Text;

namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Streams the characters of one file through a strict decoder, a block at a time. Undecodable bytes stop
/// the read with a message giving the file, line and byte offset.
/// </summary>
internal sealed class DecodedTextSource : IDisposable
{
    private const int ByteBlockLength = 1 << 16;

    private readonly DelimitedSource source;
    private readonly string encodingName;
    private readonly Stream stream;
    private readonly Encoding encoding;
    private readonly Decoder decoder;
    private readonly byte[] bytes = new byte[ByteBlockLength];
    private long blockOffset;
    private int byteStart;
    private int byteEnd;
    private bool endOfStream;
    private bool flushed;

    public DecodedTextSource(DelimitedSource source, Encoding requested, string encodingName)
    {
        this.source = source;
        this.encodingName = encodingName;
        stream = source.Open();
        // At least four bytes so a byte order mark is never split across reads.
        byteEnd = stream.ReadAtLeast(bytes, 4, throwOnEndOfStream: false);
        endOfStream = byteEnd == 0;
        encoding = DelimitedEncodings.ForByteOrderMark(requested, bytes.AsSpan(0, byteEnd), out byteStart);
        decoder = encoding.GetDecoder();
    }

    /// <summary>Fills <paramref name="chars"/> as far as the file allows; 0 means the end of the file.</summary>
    /// <param name="chars">Room for at least two characters (a surrogate pair must fit).</param>
    public int Read(Span<char> chars)
    {
        int total = 0;
        while (chars.Length - total >= 2 && !flushed)
        {
            if (byteStart == byteEnd && !endOfStream) ReadBlock();
            total += Decode(chars[total..]);
        }
        return total;
    }

    public void Dispose() => stream.Dispose();

    private int Decode(Span<char> chars)
    {
        try
        {
            // Flushing once the stream is done makes a truncated multi-byte character at the very end an error.
            bool flush = endOfStream;
            decoder.Convert(bytes.AsSpan(byteStart, byteEnd - byteStart), chars, flush, out int used, out int produced, out bool completed);
            byteStart += used;
            flushed = flush && completed;
            return produced;
        }
        catch (DecoderFallbackException e)
        {
            throw Undecodable(blockOffset + byteStart + Math.Max(0, e.Index), e.BytesUnknown ?? []);
        }
    }

    private void ReadBlock()
    {
        blockOffset += byteEnd;
        byteStart = 0;
        byteEnd = stream.Read(bytes);
        endOfStream = byteEnd == 0;
    }

    private UserErrorException Undecodable(long offset, byte[] badBytes)
    {
        string hex = string.Join(" ", badBytes.Select(b => $"0x{b:X2}"));
        return new UserErrorException(
            $"{source.Name}, line {LineAt(offset)}: byte(s) {hex} at byte offset {offset} cannot be decoded as {encodingName}. " +
            "Read the file with the encoding it was saved in (utf8, latin1, windows1252, utf16 or ascii).");
    }

    // Errors are rare, so the line is found by decoding the file again up to the bad bytes rather than by
    // tracking byte offsets of every line while reading.
    private int LineAt(long offset)
    {
        using Stream again = source.Open();
        Decoder lenient = DelimitedEncodings.Lenient(encoding).GetDecoder();
        var block = new byte[ByteBlockLength];
        var chars = new char[encoding.GetMaxCharCount(ByteBlockLength)];
        int lines = 1;
        for (long remaining = offset; remaining > 0;)
        {
            int read = again.Read(block, 0, (int)Math.Min(block.Length, remaining));
            if (read == 0) break;
            remaining -= read;
            int produced = lenient.GetChars(block, 0, read, chars, 0, flush: false);
            lines += chars.AsSpan(0, produced).Count('\n');
        }
        return lines;
    }
}
