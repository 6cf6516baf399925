using System.Net.Sockets;
using System.Text;

namespace AzureML.TestUtilities;

/// <summary>
/// Malformed scoring requests, one class per way a client gets a request wrong, for a model of four float features
/// (the iris classifier) on either scoring host: each class sends its request over loopback and says what it got
/// back. Shared by the fault tests (every class answered as it should) and the memory benchmark (many of them).
/// </summary>
public static class MalformedScoringRequests
{
    // About 9 MB, under the hosts' 10 MB limit: large enough that what a host keeps per request shows.
    private static readonly Lazy<byte[]> s_bigRowsBadLast = new(() => Encoding.UTF8.GetBytes(
        "{\"data\": [" + string.Concat(Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2], ", 360_000)) + "[5.1, 3.5, 1.4, \"bad\"]]}"));

    private static readonly Lazy<byte[]> s_bigString = new(() => Encoding.UTF8.GetBytes("{\"data\": [[\"" + new string('x', 9 * 1024 * 1024) + "\", 3.5, 1.4, 0.2]]}"));

    /// <summary>The classes, in the order the probes cycle through them.</summary>
    public static IReadOnlyList<MalformedRequestClass> All { get; } =
    [
        Json("broken JSON", "{\"data\": [[5.1, 3.5,"),
        Json("not an object", "[[5.1, 3.5, 1.4, 0.2]]"),
        Json("no data member", "{\"rows\": [[5.1, 3.5, 1.4, 0.2]]}"),
        Json("wrong row width", "{\"data\": [[5.1, 3.5]]}"),
        Json("text where a number goes", "{\"data\": [[5.1, \"wide\", 1.4, 0.2]]}"),
        Json("rows of mixed kinds", "{\"data\": [[5.1, 3.5, 1.4, 0.2], {\"a\": 1}]}"),
        Raw("invalid UTF-8 in a string", [.. "{\"data\": [[\""u8, 0xFF, 0xFE, .. "\", 3.5, 1.4, 0.2]]}"u8]),
        Json("lone surrogate escape", "{\"data\": [[\"\\ud800\", 3.5, 1.4, 0.2]]}"),
        Json("nested 10,000 levels", "{\"data\": " + new string('[', 10_000) + new string(']', 10_000) + "}"),
        Json("number beyond double (1e999999)", "{\"data\": [[1e999999, 3.5, 1.4, 0.2]]}"),
        Json("number beyond float (1e308)", "{\"data\": [[1e308, 3.5, 1.4, 0.2]]}", floatOnly: true),
        Json("the string \"NaN\"", "{\"data\": [[\"NaN\", 3.5, 1.4, 0.2]]}"),
        Json("null (a missing value)", "{\"data\": [[null, 3.5, 1.4, 0.2]]}"),
        Json("empty body", ""),
        new("9 MB of rows, a bad value in the last", port => PostAsync(port, s_bigRowsBadLast.Value), 400),
        new("a 9 MB string as a value", port => PostAsync(port, s_bigString.Value), 400),
        new("body cut short (Content-Length 4 MB, 20 bytes sent)", port => CutShortAsync(port, 4 * 1024 * 1024), null),
        new("oversized body (11 MB)", port => PostAsync(port, Encoding.UTF8.GetBytes("{\"data\": [[" + new string('1', 11 * 1024 * 1024) + "]]}")), 413),
    ];

    private static MalformedRequestClass Json(string name, string body, bool floatOnly = false)
        => new(name, port => PostAsync(port, Encoding.UTF8.GetBytes(body)), 400, floatOnly);

    private static MalformedRequestClass Raw(string name, byte[] body) => new(name, port => PostAsync(port, body), 400);

    /// <summary>POSTs <paramref name="body"/> to <c>/score</c> on a new connection; returns the status code.</summary>
    public static async Task<int?> PostAsync(int port, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port).ConfigureAwait(false);
        NetworkStream stream = client.GetStream();
        byte[] head = Encoding.ASCII.GetBytes(
            $"POST /score HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(body).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A server may answer (413) and close before the whole body is sent.
        }

        return await ReadStatusAsync(stream).ConfigureAwait(false);
    }

    // Announces a large body, sends a few bytes and hangs up: the server must not keep what it set aside for it.
    private static async Task<int?> CutShortAsync(int port, int announced)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port).ConfigureAwait(false);
        NetworkStream stream = client.GetStream();
        byte[] head = Encoding.ASCII.GetBytes(
            $"POST /score HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {announced}\r\n\r\n{{\"data\": [[5.1, 3.5,");
        await stream.WriteAsync(head).ConfigureAwait(false);
        client.Client.Shutdown(SocketShutdown.Send);
        return await ReadStatusAsync(stream).ConfigureAwait(false);
    }

    private static async Task<int?> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[256];
        int read;
        try
        {
            read = await stream.ReadAsync(buffer).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return null; // reset without an answer
        }

        string line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.StartsWith("HTTP/1.", StringComparison.Ordinal) && line.Length >= 12 && int.TryParse(line.AsSpan(9, 3), out int status) ? status : null;
    }
}
