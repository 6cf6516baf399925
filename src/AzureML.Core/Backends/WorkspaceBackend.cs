namespace AzureML.Core.Backends;

/// <summary>
/// The seam between the public facades and a place that keeps workspace state. One implementation per
/// kind of workspace (the embedded local store, the Azure ML service). Facades never know which one they
/// talk to; backends never know about fluent conveniences.
/// </summary>
/// <remarks>
/// Every operation is asynchronous and location-neutral: nothing here hands out local file paths for
/// state the caller does not own, so the Azure backend can implement the same contract over REST.
/// </remarks>
internal abstract class WorkspaceBackend : IDisposable
{
    /// <summary>Experiments: get-or-create, list, archive, tags.</summary>
    public abstract ExperimentStore Experiments { get; }

    /// <summary>Run records, status history, tags, properties and metrics.</summary>
    public abstract RunStore Runs { get; }

    /// <summary>Files attached to runs (outputs, logs, uploaded files).</summary>
    public abstract ArtifactStore Artifacts { get; }

    /// <summary>The environment registry.</summary>
    public abstract EnvironmentStore Environments { get; }

    /// <summary>Starts, watches and cancels submitted runs.</summary>
    public abstract JobLauncher Jobs { get; }

    /// <summary>The model registry.</summary>
    public abstract ModelStore Models { get; }

    /// <summary>Compute targets.</summary>
    public abstract ComputeStore Compute { get; }

    /// <summary>Datastores.</summary>
    public abstract DatastoreStore Datastores { get; }

    /// <summary>Datasets.</summary>
    public abstract DatasetStore Datasets { get; }

    /// <summary>Web services.</summary>
    public abstract DeploymentStore Deployments { get; }

    /// <summary>A short name for messages: <c>local</c> or <c>azure</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// Waits between two reads of something that changes on its own (a compute target provisioning, a service
    /// starting). <paramref name="localInterval"/> suits this machine; a service backend waits its own polling
    /// interval instead, on its own clock.
    /// </summary>
    public virtual Task WaitToPollAsync(TimeSpan localInterval, CancellationToken cancellationToken) => Task.Delay(localInterval, cancellationToken);

    /// <summary>
    /// Opens a file on the web (a dataset read from a URL). A service backend sends the request through the
    /// workspace's HTTP pipeline, so its transport, proxy and retries apply.
    /// </summary>
    /// <exception cref="UserErrorException">The server answered an error status or could not be reached.</exception>
    public virtual Task<Stream> OpenUrlAsync(Uri url, CancellationToken cancellationToken) => Internal.WebFiles.OpenAsync(url, cancellationToken);

    /// <inheritdoc />
    public virtual void Dispose() { }
}
