using System.Text;
using System.Text.Json;
using Azure.Core;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>What the SDK sent: method, URI, headers and body, copied when it was sent.</summary>
internal sealed record RecordedRequest(RequestMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Uri.AbsolutePath;

    public string? Query(string name)
    {
        foreach (string pair in Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            if (Uri.UnescapeDataString(kv[0]) == name) return kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return null;
    }

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    public override string ToString() => $"{Method} {Uri}";
}
