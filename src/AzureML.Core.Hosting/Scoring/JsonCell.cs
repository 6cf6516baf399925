using System.Text;
using System.Text.Json;

namespace AzureML.Core.Hosting.Scoring;

/// <summary>
/// One value of a request row as the reader met it: a copy of the reader positioned on the value's first token, and
/// the value's text as the client wrote it (quotes included for a string, the whole text for an object or array).
/// </summary>
internal readonly ref struct JsonCell
{
    private readonly Utf8JsonReader _reader;

    /// <summary>Takes the value <paramref name="reader"/> is on and moves the reader to its last token.</summary>
    /// <param name="reader">A reader over <paramref name="source"/>, on the first token of a value.</param>
    /// <param name="source">The text the reader reads, from its start.</param>
    public JsonCell(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        _reader = reader;
        int start = (int)reader.TokenStartIndex;
        reader.Skip();
        Raw = source[start..(int)reader.BytesConsumed];
    }

    /// <summary>The token the value starts with.</summary>
    public JsonTokenType Kind => _reader.TokenType;

    /// <summary>The value's text as written.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public double GetDouble() => _reader.GetDouble();

    public bool TryGetDouble(out double value) => _reader.TryGetDouble(out value);

    public bool TryGetInt64(out long value) => _reader.TryGetInt64(out value);

    /// <summary>The unescaped string.</summary>
    /// <exception cref="InvalidOperationException">The string escapes half of a surrogate pair alone.</exception>
    public string GetString() => _reader.GetString()!;

    public string RawText() => Encoding.UTF8.GetString(Raw);

    /// <summary>The value as the client wrote it, cut short: a cell can be a whole nested document or a long string.</summary>
    public string Shown()
    {
        const int Longest = 60;
        // Four bytes at most per character, so this prefix holds more characters than are shown whenever the text is cut.
        ReadOnlySpan<byte> head = Raw[..Math.Min(Raw.Length, 4 * (Longest + 1))];
        string text = Encoding.UTF8.GetString(head);
        return head.Length == Raw.Length && text.Length <= Longest ? text : text[..(Longest - 3)] + "...";
    }
}
