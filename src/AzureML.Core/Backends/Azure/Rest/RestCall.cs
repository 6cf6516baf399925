using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>The pieces every REST client shares: sending one message sync or async, and JSON in and out.</summary>
internal static class RestCall
{
    /// <summary>Sends the message through the pipeline; with <paramref name="async"/> false the call is synchronous end to end.</summary>
    public static async ValueTask<Response> SendAsync(HttpPipeline pipeline, HttpMessage message, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            pipeline.Send(message, cancellationToken);
        }

        return message.Response;
    }

    /// <summary>A JSON request body from a source-generated contract.</summary>
    public static RequestContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
        => RequestContent.Create(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo)));

    /// <summary>Reads a buffered JSON response body; an empty or malformed body is an unexpected response.</summary>
    public static T Read<T>(Response response, JsonTypeInfo<T> typeInfo, string what)
    {
        try
        {
            T? value = JsonSerializer.Deserialize(response.Content.ToMemory().Span, typeInfo);
            if (value is not null) return value;
        }
        catch (JsonException ex)
        {
            throw Unexpected(response, what, ex.Message, ex);
        }

        throw Unexpected(response, what, "the body is empty", null);
    }

    /// <summary>The error for a response the SDK cannot use.</summary>
    public static AzureMLException Unexpected(Response response, string what, string reason, Exception? inner)
        => new($"The service's answer to {what} could not be read ({reason}); HTTP {response.Status}.", inner ?? new RequestFailedException(response))
        {
            ErrorCode = AzureMLErrorCode.UnexpectedResponse,
            Status = response.Status,
        };

    /// <summary>Creates a message with the JSON accept header and the given method and URI.</summary>
    public static HttpMessage CreateMessage(HttpPipeline pipeline, RequestMethod method, RequestUriBuilder uri)
    {
        HttpMessage message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri = uri;
        message.Request.Headers.Add("Accept", "application/json");
        return message;
    }

    /// <summary>Sets a JSON body on the request.</summary>
    public static void SetJson<T>(HttpMessage message, T value, JsonTypeInfo<T> typeInfo)
    {
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Content = Json(value, typeInfo);
    }

    /// <summary>The URI without its query, for messages: SAS tokens and other secrets live in queries.</summary>
    public static string Redact(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
