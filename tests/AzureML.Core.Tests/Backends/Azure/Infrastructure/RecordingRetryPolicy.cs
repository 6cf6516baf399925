using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>
/// Azure.Core's retry policy (which honours <c>Retry-After</c> and <c>retry-after-ms</c>) with a 1 ms base delay,
/// recording when each attempt was sent so a test can see how long the SDK waited between them.
/// </summary>
internal sealed class RecordingRetryPolicy : RetryPolicy
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<TimeSpan> _attempts = new();

    public RecordingRetryPolicy() : base(maxRetries: 3, DelayStrategy.CreateFixedDelayStrategy(TimeSpan.FromMilliseconds(1))) { }

    /// <summary>When each attempt was sent, from the policy's creation.</summary>
    public IReadOnlyList<TimeSpan> Attempts
    {
        get
        {
            lock (_attempts) return _attempts.ToList();
        }
    }

    protected override void OnSendingRequest(HttpMessage message)
    {
        lock (_attempts) _attempts.Add(_clock.Elapsed);
    }

    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        OnSendingRequest(message);
        return default;
    }
}
