using Azure.Core;
using Azure.Core.Pipeline;
using AzureML.Core.Tests.Backends.Azure.Infrastructure;

namespace AzureML.Core.Tests.Backends.Azure.Blobs;

/// <summary>The real HTTP transport, except that requests a predicate picks are answered with a failure instead of being sent.</summary>
internal sealed class FaultInjectingTransport : HttpPipelineTransport
{
    private readonly HttpPipelineTransport _inner = new HttpClientTransport();
    private readonly Func<Request, int, int?> _fault;
    private int _seen;
    private int _injected;

    /// <param name="fault">Given a request and its sequence number, the status to answer with, or null to send it.</param>
    public FaultInjectingTransport(Func<Request, int, int?> fault) => _fault = fault;

    public int Injected => Volatile.Read(ref _injected);

    public override Request CreateRequest() => _inner.CreateRequest();

    public override void Process(HttpMessage message)
    {
        if (!Inject(message)) _inner.Process(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        if (!Inject(message)) await _inner.ProcessAsync(message).ConfigureAwait(false);
    }

    private bool Inject(HttpMessage message)
    {
        int n = Interlocked.Increment(ref _seen);
        if (_fault(message.Request, n) is not { } status) return false;
        Interlocked.Increment(ref _injected);
        message.Response = new ScriptedResponse(status, "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>injected</Message></Error>",
            ("Content-Type", "application/xml"), ("x-ms-error-code", "ServerBusy"));
        return true;
    }
}
