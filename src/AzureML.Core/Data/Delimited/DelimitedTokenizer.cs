using System.Buffers;

namespace AzureML.Core.Data.Delimited;

/// <summary>
/// Splits decoded text into records and fields following RFC 4180: fields may be quoted, a quoted field may
/// hold separators, line breaks and doubled quotes, and records end with CRLF, LF or CR. Blank lines are
/// skipped. Fields are spans into a reused buffer, valid until the next <see cref="ReadRecord"/>, so reading
/// allocates nothing per row. Quotes only have meaning at the start of a field; elsewhere they are text.
/// </summary>
internal sealed class DelimitedTokenizer
{
    private const int InitialBufferLength = 1 << 16;
    private const int MinimumReadLength = 1024;
    private const char Quote = '"';

    private readonly DecodedTextSource source;
    private readonly string sourceName;
    private readonly SearchValues<char> fieldEnds;
    private readonly char separator;
    private char[] buffer = new char[InitialBufferLength];
    private char[] unquoted = new char[256];
    private int[] fieldStarts = new int[16];
    private int[] fieldLengths = new int[16];
    private bool[] fieldQuoted = new bool[16];
    private int recordStart;
    private int end;
    private bool sourceDone;
    private int nextLine = 1;

    public DelimitedTokenizer(DecodedTextSource source, char separator, string sourceName)
    {
        this.source = source;
        this.separator = separator;
        this.sourceName = sourceName;
        fieldEnds = SearchValues.Create([separator, '\r', '\n']);
    }

    private enum ScanResult
    {
        Record,
        BlankLine,
        NeedMoreText,
        EndOfText,
    }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Moves to the next record.</summary>
    /// <returns>False at the end of the text.</returns>
    /// <exception cref="UserErrorException">A quoted field is never closed.</exception>
    public bool ReadRecord()
    {
        while (true)
        {
            switch (Scan())
            {
                case ScanResult.Record:
                    return true;
                case ScanResult.EndOfText:
                    return false;
                case ScanResult.NeedMoreText:
                    Refill();
                    break;
            }
        }
    }

    /// <summary>The text of a field of the current record, without its quotes; valid until the next call.</summary>
    public ReadOnlySpan<char> GetField(int index)
    {
        ReadOnlySpan<char> raw = buffer.AsSpan(fieldStarts[index], fieldLengths[index]);
        return fieldQuoted[index] ? Unquote(raw) : raw;
    }

    // Scans one whole record from recordStart; when the buffer ends first, the record is scanned again after
    // a refill, which keeps the scanner free of partial-field state.
    private ScanResult Scan()
    {
        Line = nextLine;
        int position = recordStart;
        if (position == end) return sourceDone ? ScanResult.EndOfText : ScanResult.NeedMoreText;
        if (buffer[position] is '\r' or '\n') return SkipBlankLine(position);

        int newlinesInQuotes = 0;
        for (int field = 0; ; field++)
        {
            int start = position;
            bool quoted = start < end && buffer[start] == Quote;
            if (quoted)
            {
                int closing = FindClosingQuote(start, newlinesInQuotes);
                if (closing < 0) return ScanResult.NeedMoreText;
                newlinesInQuotes += buffer.AsSpan(start, closing - start).Count('\n');
                position = closing + 1;
            }

            int stop = buffer.AsSpan(position, end - position).IndexOfAny(fieldEnds);
            if (stop < 0 && !sourceDone) return ScanResult.NeedMoreText;
            int fieldEnd = stop < 0 ? end : position + stop;
            AddField(field, start, fieldEnd - start, quoted);

            if (fieldEnd == end) return EndRecord(field + 1, end, newlinesInQuotes);
            char delimiter = buffer[fieldEnd];
            if (delimiter == separator)
            {
                position = fieldEnd + 1;
                if (position == end && !sourceDone) return ScanResult.NeedMoreText;
                continue;
            }
            if (delimiter == '\n') return EndRecord(field + 1, fieldEnd + 1, newlinesInQuotes);
            if (fieldEnd + 1 == end && !sourceDone) return ScanResult.NeedMoreText; // a CR may be half of a CRLF
            return EndRecord(field + 1, fieldEnd + 1 < end && buffer[fieldEnd + 1] == '\n' ? fieldEnd + 2 : fieldEnd + 1, newlinesInQuotes);
        }
    }

    /// <summary>The position of the quote closing the field opened at <paramref name="open"/>, or -1 when more text is needed.</summary>
    private int FindClosingQuote(int open, int newlinesBefore)
    {
        int position = open + 1;
        while (true)
        {
            int found = buffer.AsSpan(position, end - position).IndexOf(Quote);
            if (found < 0)
            {
                if (!sourceDone) return -1;
                throw new UserErrorException(
                    $"{sourceName}, line {Line + newlinesBefore}: a quoted field starts here but its closing quote is missing " +
                    "(the file ends inside the quotes). Close the quote or double any quote that is part of the value (\"\").");
            }
            int quote = position + found;
            if (quote + 1 == end && !sourceDone) return -1; // cannot tell a closing quote from a doubled one yet
            if (quote + 1 < end && buffer[quote + 1] == Quote)
            {
                position = quote + 2;
                continue;
            }
            return quote;
        }
    }

    private ScanResult SkipBlankLine(int position)
    {
        if (buffer[position] == '\r' && position + 1 == end && !sourceDone) return ScanResult.NeedMoreText;
        bool crlf = buffer[position] == '\r' && position + 1 < end && buffer[position + 1] == '\n';
        recordStart = position + (crlf ? 2 : 1);
        nextLine++;
        return ScanResult.BlankLine;
    }

    private ScanResult EndRecord(int fieldCount, int next, int newlinesInQuotes)
    {
        FieldCount = fieldCount;
        recordStart = next;
        nextLine += 1 + newlinesInQuotes;
        return ScanResult.Record;
    }

    private void AddField(int index, int start, int length, bool quoted)
    {
        if (index == fieldStarts.Length)
        {
            Array.Resize(ref fieldStarts, index * 2);
            Array.Resize(ref fieldLengths, index * 2);
            Array.Resize(ref fieldQuoted, index * 2);
        }
        fieldStarts[index] = start;
        fieldLengths[index] = length;
        fieldQuoted[index] = quoted;
    }

    private void Refill()
    {
        if (recordStart > 0)
        {
            Array.Copy(buffer, recordStart, buffer, 0, end - recordStart);
            end -= recordStart;
            recordStart = 0;
        }
        if (buffer.Length - end < MinimumReadLength) Array.Resize(ref buffer, buffer.Length * 2);
        int read = source.Read(buffer.AsSpan(end));
        end += read;
        sourceDone = read == 0;
    }

    private ReadOnlySpan<char> Unquote(ReadOnlySpan<char> raw)
    {
        ReadOnlySpan<char> inner = raw[1..];
        if (inner.Length > 0 && inner[^1] == Quote && inner[..^1].IndexOf(Quote) < 0) return inner[..^1];

        if (unquoted.Length < raw.Length) unquoted = new char[raw.Length * 2];
        int length = 0;
        bool inQuotes = true;
        for (int i = 0; i < inner.Length; i++)
        {
            if (inner[i] != Quote) unquoted[length++] = inner[i];
            else if (inQuotes && i + 1 < inner.Length && inner[i + 1] == Quote) unquoted[length++] = inner[++i];
            else inQuotes = !inQuotes;
        }
        return unquoted.AsSpan(0, length);
    }
}
