namespace AzureML.Core.Backends;

/// <summary>Starts, watches and cancels submitted runs. Runs are read through <see cref="RunStore"/>.</summary>
internal abstract class JobLauncher
{
    /// <summary>
    /// Validates and snapshots the submission, creates the run and starts it. Returns once the run exists and
    /// is in the hands of whatever runs it (queued); from then on it never depends on the calling process.
    /// </summary>
    public abstract Task<RunRecord> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels a run and returns once it has ended: a submitted run is stopped (every process it started ends),
    /// any other unfinished run is marked <c>Canceled</c>.
    /// </summary>
    public abstract Task CancelAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the run reaches a terminal status, sending each new line of its output to
    /// <paramref name="output"/> when given.
    /// </summary>
    public abstract Task<RunRecord> WaitForCompletionAsync(string runId, Action<string>? output, CancellationToken cancellationToken);
}
