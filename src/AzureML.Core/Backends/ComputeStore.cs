namespace AzureML.Core.Backends;

/// <summary>Compute targets and the local node slots runs wait for.</summary>
internal abstract class ComputeStore
{
    /// <summary>Creates a target. Throws <see cref="ComputeTargetException"/> when the name is taken.</summary>
    public abstract Task<ComputeRecord> CreateAsync(ComputeRecord compute, CancellationToken cancellationToken);

    /// <summary>Returns the target (names compare case-insensitively, as the service does) or <c>null</c>.</summary>
    public abstract Task<ComputeRecord?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every target, page by page.</summary>
    public abstract IAsyncEnumerable<ComputeRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>Changes the scale settings; <c>null</c> keeps a value. Throws when the target is missing.</summary>
    public abstract Task<ComputeRecord> UpdateScaleAsync(string name, int? minNodes, int? maxNodes, int? idleSecondsBeforeScaledown, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the target; a no-op when it is missing. Throws <see cref="ComputeTargetException"/> while
    /// runs use it or wait for it.
    /// </summary>
    public abstract Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>The target's node counts right now.</summary>
    public abstract Task<ComputeNodeCounts> GetNodeCountsAsync(string name, CancellationToken cancellationToken);

    /// <summary>The missing-target error, in azureml-core's words, the same under every backend.</summary>
    public static ComputeTargetException NotFound(string name)
        => new($"Compute Target with name {name} not found in provided workspace.") { ErrorCode = AzureMLErrorCode.ResourceNotFound };
}
