namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>The time and the waits of a poll loop; replaced in tests so polling runs without real delays.</summary>
internal abstract class PollingClock
{
    /// <summary>Real time: <see cref="Thread.Sleep(TimeSpan)"/>-like waits for sync calls, <see cref="Task.Delay(TimeSpan, CancellationToken)"/> for async ones.</summary>
    public static PollingClock System { get; } = new SystemClock();

    /// <summary>Now.</summary>
    public abstract DateTimeOffset UtcNow { get; }

    /// <summary>Waits <paramref name="delay"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public abstract ValueTask WaitAsync(TimeSpan delay, bool async, CancellationToken cancellationToken);

    private sealed class SystemClock : PollingClock
    {
        public override DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public override async ValueTask WaitAsync(TimeSpan delay, bool async, CancellationToken cancellationToken)
        {
            if (async)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Truly synchronous: the wait handle wakes up on cancellation instead of sleeping it out.
            cancellationToken.WaitHandle.WaitOne(delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
