namespace AzureML.Core.Hosting.Scoring;

/// <summary>What a scoring request answers: an HTTP status and a JSON body.</summary>
internal readonly record struct ScoringResponse(int StatusCode, byte[] Body)
{
    public static ScoringResponse Error(int statusCode, string message)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps quotes readable in messages; the body is served as application/json only.
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return new ScoringResponse(statusCode, buffer.ToArray());
    }
}
