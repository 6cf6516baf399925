namespace AzureML.Core.Backends;

/// <summary>Backend operations on run records.</summary>
internal abstract class RunStore
{
    /// <summary>Creates a run with the next number in its experiment.</summary>
    public abstract Task<RunRecord> CreateAsync(RunCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Returns the run; throws <see cref="RunNotFoundException"/> when it does not exist.</summary>
    public abstract Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs matching the query, newest first, page by page; the backend applies the filters it can on the service.</summary>
    public abstract IAsyncEnumerable<RunRecord> ListAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the run to <paramref name="status"/> unless it is already terminal, recording the change in
    /// the status history. Returns the record after the call; a terminal run is returned unchanged.
    /// </summary>
    public abstract Task<RunRecord> SetStatusAsync(string runId, RunStatus status, RunError? error, CancellationToken cancellationToken);

    /// <summary>
    /// Records why a run is failing without ending it: a submitted script calls <c>Fail</c> while it still
    /// runs, and the run ends <c>Failed</c> with this error when the script exits.
    /// </summary>
    public abstract Task RecordErrorAsync(string runId, RunError error, CancellationToken cancellationToken);

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
