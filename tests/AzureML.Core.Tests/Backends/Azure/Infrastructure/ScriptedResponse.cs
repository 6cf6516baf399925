using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>A canned service answer: status, headers and body.</summary>
internal sealed class ScriptedResponse : Response
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _status;

    public ScriptedResponse(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        _status = status;
        if (body is not null)
        {
            ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(body));
            _headers["Content-Type"] = "application/json";
        }

        foreach ((string name, string value) in headers) _headers[name] = value;
    }

    public override int Status => _status;
    public override string ReasonPhrase => _status switch { 200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content", _ => "Status" };
    public override Stream? ContentStream { get; set; }
    public override string ClientRequestId { get; set; } = "";

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = _headers.TryGetValue(name, out string? value) ? new[] { value } : null;
        return values is not null;
    }

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));
}
