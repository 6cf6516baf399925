using Azure.Core;
using Azure.Core.Pipeline;
using NUnit.Framework;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>
/// A transport that plays one test's conversation with the service: each expected request (method, path and,
/// for Resource Manager, the api-version) in order, answered by its step. Anything unexpected fails the test;
/// nothing leaves the process.
/// </summary>
internal sealed class ScriptedTransport : HttpPipelineTransport
{
    private readonly Queue<Step> _steps = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly List<string> _failures = new();
    private readonly object _gate = new();

    /// <summary>Every request sent so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate) return _requests.ToList();
        }
    }

    /// <summary>
    /// Expects the next request to be <paramref name="method"/> <paramref name="path"/> with
    /// <c>api-version=<paramref name="apiVersion"/></c> (pass <c>null</c> for data-plane calls that send none).
    /// </summary>
    public ScriptedTransport Expect(RequestMethod method, string path, Func<RecordedRequest, ScriptedResponse> respond, string? apiVersion = "2025-12-01")
    {
        lock (_gate) _steps.Enqueue(new Step(method, path, apiVersion, respond));
        return this;
    }

    /// <inheritdoc cref="Expect(RequestMethod, string, Func{RecordedRequest, ScriptedResponse}, string?)"/>
    public ScriptedTransport Expect(RequestMethod method, string path, ScriptedResponse response, string? apiVersion = "2025-12-01")
        => Expect(method, path, _ => response, apiVersion);

    /// <summary>Fails unless every expected request was sent and nothing unexpected was.</summary>
    public void AssertDone()
    {
        lock (_gate)
        {
            Assert.That(_failures, Is.Empty, "Requests that did not match the script");
            Assert.That(_steps.Select(s => $"{s.Method} {s.Path}"), Is.Empty, "Expected requests that were never sent");
        }
    }

    public override Request CreateRequest() => new ScriptedRequest();

    public override void Process(HttpMessage message) => Answer(message);

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Answer(message);
        return default;
    }

    private void Answer(HttpMessage message)
    {
        RecordedRequest request = Record(message.Request);
        Step step;
        lock (_gate)
        {
            _requests.Add(request);
            if (!_steps.TryDequeue(out step!))
            {
                Fail($"Unexpected request {request}: the script has no more steps.");
            }
        }

        if (step.Method != request.Method || !string.Equals(step.Path, request.Path, StringComparison.Ordinal))
        {
            Fail($"Expected {step.Method} {step.Path} but the SDK sent {request.Method} {request.Path}.");
        }

        string? apiVersion = request.Query("api-version");
        if (apiVersion != step.ApiVersion)
        {
            Fail($"{request.Method} {request.Path}: expected api-version '{step.ApiVersion ?? "(none)"}', got '{apiVersion ?? "(none)"}'.");
        }

        message.Response = step.Respond(request);
    }

    private void Fail(string failure)
    {
        lock (_gate) _failures.Add(failure);
        throw new AssertionException(failure);
    }

    private static RecordedRequest Record(Request request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (HttpHeader header in request.Headers) headers[header.Name] = header.Value;
        byte[] body = Array.Empty<byte>();
        if (request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, CancellationToken.None);
            body = buffer.ToArray();
        }

        return new RecordedRequest(request.Method, request.Uri.ToUri(), headers, body);
    }

    private sealed record Step(RequestMethod Method, string Path, string? ApiVersion, Func<RecordedRequest, ScriptedResponse> Respond);
}
