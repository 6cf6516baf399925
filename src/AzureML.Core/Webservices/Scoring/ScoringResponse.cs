namespace AzureML.Core.Webservices.Scoring;

/// <summary>What a scoring request answers: an HTTP status and a JSON body.</summary>
internal readonly record struct ScoringResponse(int StatusCode, byte[] Body)
{
    public static ScoringResponse Error(int statusCode, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return new ScoringResponse(statusCode, buffer.ToArray());
    }
}
