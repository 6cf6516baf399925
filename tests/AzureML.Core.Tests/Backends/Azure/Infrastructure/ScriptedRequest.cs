using System.Diagnostics.CodeAnalysis;
using Azure.Core;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>A request that only keeps what the SDK set on it, for <see cref="ScriptedTransport"/>.</summary>
internal sealed class ScriptedRequest : Request
{
    private readonly Dictionary<string, List<string>> _headers = new(StringComparer.OrdinalIgnoreCase);

    public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

    protected override void AddHeader(string name, string value)
    {
        if (!_headers.TryGetValue(name, out List<string>? values)) _headers[name] = values = new List<string>();
        values.Add(value);
    }

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = _headers.TryGetValue(name, out List<string>? values) ? string.Join(",", values) : null;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = _headers.TryGetValue(name, out List<string>? list) ? list : null;
        return values is not null;
    }

    protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

    protected override void SetHeader(string name, string value) => _headers[name] = new List<string> { value };

    protected override bool RemoveHeader(string name) => _headers.Remove(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, string.Join(",", h.Value)));

    public override void Dispose() { }
}
