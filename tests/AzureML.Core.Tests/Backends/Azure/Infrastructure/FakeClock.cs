using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Tests.Backends.Azure.Infrastructure;

/// <summary>Virtual time for polling: each wait is recorded and moves the clock forward at once.</summary>
internal sealed class FakeClock : PollingClock
{
    private readonly List<TimeSpan> _waits = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs before each wait returns (for example to cancel a token mid-operation).</summary>
    public Action<int>? OnWait { get; set; }

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits) return _waits.ToList();
        }
    }

    public override DateTimeOffset UtcNow
    {
        get
        {
            lock (_waits) return _now;
        }
    }

    public override ValueTask WaitAsync(TimeSpan delay, bool async, CancellationToken cancellationToken)
    {
        int count;
        lock (_waits)
        {
            _waits.Add(delay);
            _now += delay;
            count = _waits.Count;
        }

        OnWait?.Invoke(count);
        cancellationToken.ThrowIfCancellationRequested();
        return default;
    }
}
