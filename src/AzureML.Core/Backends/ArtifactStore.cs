namespace AzureML.Core.Backends;

/// <summary>Files attached to runs, addressed by run id and a relative, forward-slash name.</summary>
internal abstract class ArtifactStore
{
    /// <summary>Names of the run's files (those under <paramref name="prefix"/> when given), sorted ordinally, page by page.</summary>
    public abstract IAsyncEnumerable<string> ListAsync(string runId, string? prefix, CancellationToken cancellationToken);

    /// <summary>Opens a file for reading; throws <see cref="UserErrorException"/> when it does not exist.</summary>
    public abstract Task<Stream> OpenReadAsync(string runId, string name, CancellationToken cancellationToken);

    /// <summary>Stores a file under <paramref name="name"/>; an existing file of that name is refused.</summary>
    public abstract Task UploadAsync(string runId, string name, Stream content, CancellationToken cancellationToken);

    /// <summary>The size in bytes of a stored file, or <c>null</c> when it does not exist.</summary>
    public abstract Task<long?> GetSizeAsync(string runId, string name, CancellationToken cancellationToken);
}
