using System.Text.Json;

namespace AzureML.Core.Hosting.Scoring;

/// <summary>
/// Where the <c>data</c> member of a scoring request body starts, what kind of value it is and, for an array, how many
/// rows it has: found by one pass of a reader over the body, which also checks that the whole body is one JSON object,
/// so binding can write each row straight into tensors of the right size without building a document first.
/// </summary>
/// <param name="Offset">The offset in the body of the first byte of the <c>data</c> value.</param>
/// <param name="Kind">The token the value starts with.</param>
/// <param name="Count">The number of elements when the value is an array; otherwise 0.</param>
internal readonly record struct RequestRows(int Offset, JsonTokenType Kind, int Count)
{
    /// <summary>Finds the rows of <paramref name="body"/>, which must be UTF-8 text.</summary>
    /// <exception cref="ScoringRequestException">The body is no JSON, more than one value, or no object with a <c>data</c> member.</exception>
    public static RequestRows Find(ReadOnlySpan<byte> body)
    {
        RequestRows? rows;
        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read();
            rows = reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader) : Skip(ref reader);
        }
        catch (JsonException ex)
        {
            throw new ScoringRequestException(400, $"Invalid JSON: {ex.Message}");
        }

        if (body[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).Length > 0)
        {
            throw new ScoringRequestException(400, $"Invalid JSON: unexpected content after the JSON value at byte {reader.BytesConsumed}.");
        }

        return rows ?? throw new ScoringRequestException(400, "The request body must be a JSON object with a 'data' member, e.g. {\"data\": [[1.0, 2.0]]}.");
    }

    private static RequestRows? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    // A member named twice counts by its last value, as a parsed document's lookup does.
    private static RequestRows? ReadObject(ref Utf8JsonReader reader)
    {
        RequestRows? rows = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isData = IsData(ref reader);
            reader.Read();
            if (!isData)
            {
                reader.Skip();
                continue;
            }

            int offset = (int)reader.TokenStartIndex;
            JsonTokenType kind = reader.TokenType;
            int count = 0;
            if (kind == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }

            rows = new RequestRows(offset, kind, count);
        }

        return rows;
    }

    private static bool IsData(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.ValueTextEquals("data"u8);
        try
        {
            return reader.GetString() == "data";
        }
        catch (InvalidOperationException)
        {
            throw new ScoringRequestException(400, $"Invalid JSON: a member name of the body is not valid Unicode text: {OnnxInputBinder.UnpairedSurrogate}.");
        }
    }
}
