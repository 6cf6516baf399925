namespace AzureML.Core.Backends;

/// <summary>Web services: deployments, their state, keys and logs.</summary>
internal abstract class DeploymentStore
{
    /// <summary>Creates the service (replacing one of the same name when <see cref="ServiceDeploymentRequest.Overwrite"/>); it starts <c>Transitioning</c>.</summary>
    public abstract Task<ServiceRecord> DeployAsync(ServiceDeploymentRequest request, CancellationToken cancellationToken);

    /// <summary>The service as it is now, or <c>null</c> when there is none of that name.</summary>
    public abstract Task<ServiceRecord?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>The services matching <paramref name="query"/>, page by page; the backend applies the filters it can on the service.</summary>
    public abstract IAsyncEnumerable<ServiceRecord> ListAsync(ServiceQuery query, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="body"/> (JSON) to the service's scoring URI, with its key when it needs one, and returns the answer.</summary>
    /// <exception cref="WebserviceException">The service answered an error status (in <see cref="AzureMLException.Status"/>) or did not answer.</exception>
    public abstract Task<string> ScoreAsync(ServiceRecord service, string body, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces what the service serves (models, entry script, environment) keeping its name and scoring URI,
    /// and/or its descriptive fields; fields left null keep their value.
    /// </summary>
    public abstract Task<ServiceRecord> UpdateAsync(string name, ServiceDeploymentRequest? redeploy, string? description,
        IReadOnlyDictionary<string, string>? tags, IReadOnlyDictionary<string, string>? properties, bool? authEnabled, CancellationToken cancellationToken);

    /// <summary>Stops and removes the service; nothing of it keeps running.</summary>
    public abstract Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="numLines"/> lines of the service's log.</summary>
    public abstract Task<string> GetLogsAsync(string name, int numLines, CancellationToken cancellationToken);

    /// <summary>The primary and secondary keys.</summary>
    public abstract Task<(string Primary, string Secondary)> GetKeysAsync(string name, CancellationToken cancellationToken);

    /// <summary>Replaces one key (<c>Primary</c> or <c>Secondary</c>) with a new random one, or with <paramref name="setKey"/>.</summary>
    public abstract Task RegenerateKeyAsync(string name, string key, string? setKey, CancellationToken cancellationToken);
}
