namespace AzureML.Core.Backends;

/// <summary>Backend operations on run records.</summary>
internal abstract class RunStore
{
    /// <summary>
    /// Creates a run with the next number in its experiment: <c>NotStarted</c>, or already <c>Running</c> when
    /// <see cref="RunCreateRequest.Start"/> is set (interactive and child runs, which the calling code ends).
    /// Submitted runs are created by <see cref="JobLauncher.SubmitAsync"/>, never here.
    /// </summary>
    public abstract Task<RunRecord> CreateAsync(RunCreateRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The run as it is now; throws <see cref="RunNotFoundException"/> when it does not exist. The one way to read
    /// a run: it never changes the run (whatever runs a submitted run keeps its record current).
    /// </summary>
    public abstract Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs matching the query, newest first, page by page; the backend applies the filters it can on the service. The
    /// records read as <see cref="GetAsync"/> reads them.
    /// </summary>
    public abstract IAsyncEnumerable<RunRecord> ListAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a run the calling code drives (interactive, child) as <c>Completed</c>. A submitted run ends when its
    /// script exits: for one still running this changes nothing. A run already ended is returned unchanged.
    /// </summary>
    public abstract Task<RunRecord> CompleteAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a run the calling code drives as <c>Failed</c> with <paramref name="error"/>. For a submitted run whose
    /// script still runs (the script calls <c>Fail</c> on its own run) the error is kept and the run ends
    /// <c>Failed</c> with it when the script exits. A run already ended is returned unchanged.
    /// </summary>
    public abstract Task<RunRecord> FailAsync(string runId, RunError error, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a run the calling code drives as <c>Canceled</c>. A submitted run is canceled through
    /// <see cref="JobLauncher.CancelAsync"/> (its script must be stopped): for one still running this changes nothing.
    /// A run already ended is returned unchanged.
    /// </summary>
    public abstract Task<RunRecord> CancelAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The run's status changes, oldest first.</summary>
    public abstract Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces tags and removes the listed keys.</summary>
    public abstract Task UpdateTagsAsync(string runId, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken);

    /// <summary>Adds properties; a key that already holds a different value is refused with <see cref="UserErrorException"/>.</summary>
    public abstract Task AddPropertiesAsync(string runId, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken);

    /// <summary>Sets the display name.</summary>
    public abstract Task SetDisplayNameAsync(string runId, string displayName, CancellationToken cancellationToken);

    /// <summary>Appends metric points; either all of them are stored or none.</summary>
    public abstract Task LogMetricsAsync(string runId, IReadOnlyList<MetricRecord> metrics, CancellationToken cancellationToken);

    /// <summary>Every metric point of the run in logging order, optionally only those named <paramref name="name"/>.</summary>
    public abstract Task<IReadOnlyList<MetricRecord>> GetMetricsAsync(string runId, string? name, CancellationToken cancellationToken);
}
