using System.Globalization;
using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// Follows a long-running Resource Manager operation to its end, for all four patterns of the
/// Machine Learning services spec: an <c>Azure-AsyncOperation</c> status URL (compute, online endpoints and
/// deployments), a <c>Location</c> URL polled until it stops answering 202 (workspaces, deletes, POST
/// actions), a resource whose <c>provisioningState</c> is still moving, or a synchronous answer.
/// </summary>
/// <remarks>
/// Waits honour <c>Retry-After</c> (else <see cref="AzureMLClientOptions.PollingInterval"/>), the
/// <c>x-ms-async-operation-timeout</c> deadline and the caller's cancellation token. Throttling and
/// transient failures of each poll are retried by the pipeline's retry policy.
/// </remarks>
internal sealed class OperationPoller
{
    private static readonly HashSet<string> s_terminalStates = new(StringComparer.OrdinalIgnoreCase) { "Succeeded", "Failed", "Canceled", "Cancelled" };

    private readonly HttpPipeline _pipeline;
    private readonly PollingClock _clock;
    private readonly TimeSpan _interval;

    public OperationPoller(HttpPipeline pipeline, PollingClock clock, TimeSpan interval)
    {
        _pipeline = pipeline;
        _clock = clock;
        _interval = interval;
    }

    /// <summary>Polls until the operation started by <paramref name="initial"/> ends; returns the response that carries its result.</summary>
    /// <param name="initial">The successful first response.</param>
    /// <param name="method">The method of the first request.</param>
    /// <param name="originalUri">The URI of the first request, read again for <see cref="FinalStateVia.OriginalUri"/>.</param>
    /// <param name="finalState">Where the result is read.</param>
    /// <param name="call">What the operation is, for errors.</param>
    /// <param name="async">Whether to run asynchronously.</param>
    /// <param name="cancellationToken">Stops waiting; the operation itself goes on in the service.</param>
    public async ValueTask<Response> WaitForCompletionAsync(Response initial, RequestMethod method, Uri originalUri, FinalStateVia finalState,
        OperationCall call, bool async, CancellationToken cancellationToken)
    {
        Uri? statusUri = HeaderUri(initial, "Azure-AsyncOperation") ?? BodyAsyncOperationUri(initial);
        Uri? location = HeaderUri(initial, "Location");
        DateTimeOffset? deadline = Deadline(initial);
        TimeSpan delay = RetryAfter(initial) ?? _interval;

        if (statusUri is not null)
        {
            Response last = await PollStatusAsync(statusUri, delay, deadline, call, async, cancellationToken).ConfigureAwait(false);
            if (method == RequestMethod.Delete) return last;
            if (finalState == FinalStateVia.Location && location is not null) return await GetAsync(location, call, async, cancellationToken).ConfigureAwait(false);
            if (method == RequestMethod.Put || method == RequestMethod.Patch) return await GetAsync(originalUri, call, async, cancellationToken).ConfigureAwait(false);
            return location is null ? last : await GetAsync(location, call, async, cancellationToken).ConfigureAwait(false);
        }

        if (location is not null)
        {
            Response last = await PollLocationAsync(location, delay, deadline, call, async, cancellationToken).ConfigureAwait(false);
            bool readOriginal = finalState == FinalStateVia.OriginalUri && (method == RequestMethod.Put || method == RequestMethod.Patch);
            return readOriginal ? await GetAsync(originalUri, call, async, cancellationToken).ConfigureAwait(false) : last;
        }

        if (initial.Status == 202)
        {
            throw ArmErrors.FromOperation(call.Resource.Kind,
                $"The service accepted the request to {call.Action} {call.Resource} but gave no URL to follow it (no Azure-AsyncOperation or Location header).",
                AzureMLErrorCode.UnexpectedResponse);
        }

        if ((method == RequestMethod.Put || method == RequestMethod.Patch) && ProvisioningState(initial) is { } state && !s_terminalStates.Contains(state))
        {
            return await PollProvisioningStateAsync(originalUri, delay, deadline, call, async, cancellationToken).ConfigureAwait(false);
        }

        if (ProvisioningState(initial) is { } done && IsFailed(done))
        {
            throw Failed(call, done, null);
        }

        return initial;
    }

    private async ValueTask<Response> PollStatusAsync(Uri statusUri, TimeSpan delay, DateTimeOffset? deadline, OperationCall call, bool async, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitAsync(delay, deadline, call, async, cancellationToken).ConfigureAwait(false);
            Response response = await GetAsync(statusUri, call, async, cancellationToken).ConfigureAwait(false);
            ArmOperationStatus status = RestCall.Read(response, ArmJsonContext.Default.ArmOperationStatus, $"the status of the operation to {call.Action} {call.Resource}");
            string state = status.Status ?? "InProgress";
            if (state.Equals("Succeeded", StringComparison.OrdinalIgnoreCase)) return response;
            if (IsFailed(state)) throw Failed(call, state, status.Error);
            delay = RetryAfter(response) ?? _interval;
        }
    }

    private async ValueTask<Response> PollLocationAsync(Uri location, TimeSpan delay, DateTimeOffset? deadline, OperationCall call, bool async, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitAsync(delay, deadline, call, async, cancellationToken).ConfigureAwait(false);
            Response response = await GetAsync(location, call, async, cancellationToken).ConfigureAwait(false);
            if (response.Status != 202) return response;
            delay = RetryAfter(response) ?? _interval;
        }
    }

    private async ValueTask<Response> PollProvisioningStateAsync(Uri resourceUri, TimeSpan delay, DateTimeOffset? deadline, OperationCall call, bool async, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitAsync(delay, deadline, call, async, cancellationToken).ConfigureAwait(false);
            Response response = await GetAsync(resourceUri, call, async, cancellationToken).ConfigureAwait(false);
            string? state = ProvisioningState(response);
            if (state is null || state.Equals("Succeeded", StringComparison.OrdinalIgnoreCase)) return response;
            if (IsFailed(state)) throw Failed(call, state, null);
            delay = RetryAfter(response) ?? _interval;
        }
    }

    private async ValueTask WaitAsync(TimeSpan delay, DateTimeOffset? deadline, OperationCall call, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (deadline is { } end && _clock.UtcNow + delay > end)
        {
            throw ArmErrors.FromOperation(call.Resource.Kind,
                $"The operation to {call.Action} {call.Resource} did not finish within the time the service allows for it " +
                $"(x-ms-async-operation-timeout, until {end:u}). It may still finish: check the resource's state before retrying.",
                AzureMLErrorCode.OperationTimedOut);
        }

        await _clock.WaitAsync(delay, async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Response> GetAsync(Uri uri, OperationCall call, bool async, CancellationToken cancellationToken)
    {
        // Not disposed: the caller reads the buffered response after this returns.
        HttpMessage message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add("Accept", "application/json");
        Response response = await RestCall.SendAsync(_pipeline, message, async, cancellationToken).ConfigureAwait(false);
        if (response.IsError) throw ArmErrors.FromResponse(response, call.Action, call.Resource, call.Workspace);
        return response;
    }

    private static AzureMLException Failed(OperationCall call, string state, ArmError? error)
    {
        bool canceled = state.StartsWith("Cancel", StringComparison.OrdinalIgnoreCase);
        string code = error?.Code ?? (canceled ? AzureMLErrorCode.OperationCanceled : AzureMLErrorCode.OperationFailed);
        string detail = error?.Message is { Length: > 0 } m ? $" {error.Code}: {m}" : "";
        return ArmErrors.FromOperation(call.Resource.Kind, $"The operation to {call.Action} {call.Resource} ended {state}.{detail}", code);
    }

    private static bool IsFailed(string state)
        => state.Equals("Failed", StringComparison.OrdinalIgnoreCase) || state.StartsWith("Cancel", StringComparison.OrdinalIgnoreCase);

    private static Uri? HeaderUri(Response response, string name)
        => response.Headers.TryGetValue(name, out string? value) && Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) ? uri : null;

    /// <summary>Online endpoints also put their status URL in the body, <c>properties.properties.AzureAsyncOperationUri</c>.</summary>
    private static Uri? BodyAsyncOperationUri(Response response)
    {
        JsonElement? properties = Properties(response);
        if (properties is { } p && p.TryGetProperty("properties", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty("AzureAsyncOperationUri", out JsonElement uri) && uri.ValueKind == JsonValueKind.String
            && Uri.TryCreate(uri.GetString(), UriKind.Absolute, out Uri? parsed)
            && ProvisioningState(response) is { } state && !s_terminalStates.Contains(state))
        {
            return parsed;
        }

        return null;
    }

    private static string? ProvisioningState(Response response)
        => Properties(response) is { } p && p.TryGetProperty("provisioningState", out JsonElement state) && state.ValueKind == JsonValueKind.String ? state.GetString() : null;

    private static JsonElement? Properties(Response response)
    {
        if (response.Content.ToMemory().IsEmpty) return null;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(response.Content.ToMemory());
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("properties", out JsonElement p) && p.ValueKind == JsonValueKind.Object
                ? p.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>Retry-After</c> in seconds or as an HTTP date; also <c>retry-after-ms</c>.</summary>
    internal static TimeSpan? RetryAfter(Response response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out string? ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!response.Headers.TryGetValue("Retry-After", out string? value)) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    private DateTimeOffset? Deadline(Response initial)
    {
        if (!initial.Headers.TryGetValue("x-ms-async-operation-timeout", out string? value)) return null;
        try
        {
            return _clock.UtcNow + XmlConvert.ToTimeSpan(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
