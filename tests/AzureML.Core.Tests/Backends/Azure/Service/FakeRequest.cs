using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace AzureML.Core.Tests.Backends.Azure.Service;

/// <summary>A request the fake service received, and whether it came through the pipeline's synchronous <c>Send</c>.</summary>
internal sealed record FakeRequest(RequestMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool IsAsync)
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

    public string Text => Encoding.UTF8.GetString(Body);

    public JsonObject Json() => JsonNode.Parse(Body)!.AsObject();

    /// <summary>True for blob traffic (Azurite or a SAS URL), which has its own client.</summary>
    public bool IsBlob => Uri.Host == "127.0.0.1" || Uri.Host.EndsWith(".blob.core.windows.net", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Uri.Host}{Uri.AbsolutePath}";
}
