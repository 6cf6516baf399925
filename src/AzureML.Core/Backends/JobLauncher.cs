namespace AzureML.Core.Backends;

/// <summary>Starts, watches and cancels submitted runs.</summary>
internal abstract class JobLauncher
{
    /// <summary>
    /// Validates and snapshots the submission, creates the run and starts it. Returns as soon as the run
    /// exists; the run proceeds on its own.
    /// </summary>
    public abstract Task<RunRecord> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken);

    /// <summary>
    /// The run as it is now. A backend whose runs can outlive the process that watches them (the local one)
    /// finishes, on the way, a run whose script ended while nobody was watching.
    /// </summary>
    public abstract Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Asks the run to stop; ends every process it started.</summary>
    public abstract Task CancelAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the run reaches a terminal status, sending each new line of its output to
    /// <paramref name="output"/> when given.
    /// </summary>
    public abstract Task<RunRecord> WaitForCompletionAsync(string runId, Action<string>? output, CancellationToken cancellationToken);
}
