using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Webservices;

/// <summary>
/// A deployed model answering <c>POST /score</c>. Mirrors <c>azureml.core.Webservice</c>: get one by name, wait
/// for its deployment, call it, read its logs and keys, update or delete it. On a local workspace it is a
/// host process on 127.0.0.1 that outlives the program that deployed it.
/// </summary>
public class Webservice
{
    private ServiceRecord _record;

    /// <summary>Gets an existing service.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The service name.</param>
    /// <exception cref="WebserviceException">No service has that name.</exception>
    public Webservice(Workspace workspace, string name)
    {
        Workspace = Argument.NotNull(workspace, nameof(workspace));
        _record = SynchronousCall.Run(() => GetRecordAsync(workspace, Argument.NotNullOrEmpty(name, nameof(name)), CancellationToken.None));
    }

    internal Webservice(Workspace workspace, ServiceRecord record)
    {
        Workspace = workspace;
        _record = record;
    }

    /// <summary>For mocking.</summary>
    protected Webservice()
    {
        Workspace = null!;
        _record = null!;
    }

    internal static Webservice FromRecord(Workspace workspace, ServiceRecord record) => record.ComputeType.ToUpperInvariant() switch
    {
        "LOCAL" => new LocalWebservice(workspace, record),
        "ACI" => new AciWebservice(workspace, record),
        _ => new Webservice(workspace, record),
    };

    /// <summary>The workspace.</summary>
    public virtual Workspace Workspace { get; }

    /// <summary>The service name.</summary>
    public virtual string Name => _record.Name;

    /// <summary>The state as last read; <see cref="WaitForDeployment"/> and <see cref="Refresh"/> read it again.</summary>
    public virtual WebserviceState State => new(_record.State);

    /// <summary>The compute type: <c>ACI</c>, <c>AKS</c> or <c>Local</c>.</summary>
    public virtual string ComputeType => _record.ComputeType;

    /// <summary>The URL to POST scoring requests to, once the service is up.</summary>
    public virtual string? ScoringUri => _record.ScoringUri?.ToString();

    /// <summary>The URL of the service's OpenAPI (swagger) document.</summary>
    public virtual string? SwaggerUri => _record.SwaggerUri?.ToString();

    /// <summary>Whether callers must send <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public virtual bool AuthEnabled => _record.AuthEnabled;

    /// <summary>The ids (<c>name:version</c>) of the models the service serves.</summary>
    public virtual IReadOnlyList<string> ModelIds => _record.Models.Select(m => m.Id).ToList();

    /// <summary>The registered models the service serves.</summary>
    public virtual IReadOnlyList<Model> Models
        => _record.Models.Select(m => new Model(Workspace, m.Name, version: int.Parse(m.Version, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    /// <summary>The service's tags.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => _record.Tags;

    /// <summary>The service's properties.</summary>
    public virtual IReadOnlyDictionary<string, string> Properties => _record.Properties;

    /// <summary>The description.</summary>
    public virtual string? Description => _record.Description;

    /// <summary>When the service was created.</summary>
    public virtual DateTimeOffset CreatedTime => _record.CreatedTime;

    /// <summary>When the service was last updated.</summary>
    public virtual DateTimeOffset UpdatedTime => _record.UpdatedTime;

    /// <summary>Why the service is <c>Failed</c> or <c>Unhealthy</c>: the error, the traceback of a failed <c>init()</c>, or the log tail.</summary>
    public virtual string? Error => _record.Error;

    internal IReadOnlyList<ModelReference> ModelReferences => _record.Models;

    /// <summary>Lists the workspace's services, optionally filtered.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="computeType">Only this compute type (<c>ACI</c>, <c>AKS</c>, <c>Local</c>).</param>
    /// <param name="modelName">Only services serving a model of this name.</param>
    /// <param name="tags">Only services with these tags (a null value matches any value).</param>
    /// <param name="properties">Only services with these properties (a null value matches any value).</param>
    public static IReadOnlyList<Webservice> List(Workspace workspace, string? computeType = null, string? modelName = null,
        IReadOnlyDictionary<string, string?>? tags = null, IReadOnlyDictionary<string, string?>? properties = null)
        => SynchronousCall.Run(() => ListAsync(workspace, computeType, modelName, tags, properties));

    /// <inheritdoc cref="List"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="computeType">Only this compute type.</param>
    /// <param name="modelName">Only services serving a model of this name.</param>
    /// <param name="tags">Only services with these tags.</param>
    /// <param name="properties">Only services with these properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyList<Webservice>> ListAsync(Workspace workspace, string? computeType = null, string? modelName = null,
        IReadOnlyDictionary<string, string?>? tags = null, IReadOnlyDictionary<string, string?>? properties = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        var query = new ServiceQuery { ComputeType = computeType, ModelName = modelName, Tags = tags, Properties = properties };
        var services = new List<Webservice>();
        await foreach (ServiceRecord record in workspace.Backend.Deployments.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            services.Add(FromRecord(workspace, record));
        }

        return services;
    }

    /// <summary>Reads the service's state and details again.</summary>
    public virtual void Refresh() => SynchronousCall.Run(() => RefreshAsync());

    /// <inheritdoc cref="Refresh"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task RefreshAsync(CancellationToken cancellationToken = default)
        => _record = await GetRecordAsync(Workspace, Name, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Waits until the service leaves <c>Transitioning</c>. A deployment that ends <c>Failed</c> or
    /// <c>Unhealthy</c> raises <see cref="WebserviceException"/> carrying the error (the traceback of a failing
    /// <c>init()</c>, for instance) and the tail of the service log.
    /// </summary>
    /// <param name="showOutput">Print the state as it changes.</param>
    /// <param name="timeoutSec">Give up after this many seconds (default: no limit).</param>
    public virtual void WaitForDeployment(bool showOutput = false, int? timeoutSec = null)
        => SynchronousCall.Run(() => WaitForDeploymentAsync(showOutput, timeoutSec));

    /// <inheritdoc cref="WaitForDeployment"/>
    /// <param name="showOutput">Print the state as it changes.</param>
    /// <param name="timeoutSec">Give up after this many seconds.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public virtual async Task WaitForDeploymentAsync(bool showOutput = false, int? timeoutSec = null, CancellationToken cancellationToken = default)
    {
        DateTimeOffset? deadline = timeoutSec is int seconds ? DateTimeOffset.UtcNow.AddSeconds(seconds) : null;
        string? shown = null;
        while (true)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (showOutput && shown != _record.State)
            {
                Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss} {Name}: {_record.State}{(ScoringUri is null ? "" : $" at {ScoringUri}")}");
                shown = _record.State;
            }

            if (State != WebserviceState.Transitioning) break;
            if (deadline is not null && DateTimeOffset.UtcNow > deadline)
            {
                string sofar = await GetLogsAsync(50, cancellationToken).ConfigureAwait(false);
                throw new WebserviceException($"Service '{Name}' is still {State} after {timeoutSec} seconds. Its log so far:\n{sofar}")
                {
                    ErrorCode = AzureMLErrorCode.OperationTimedOut,
                };
            }

            await Workspace.Backend.WaitToPollAsync(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        if (State != WebserviceState.Healthy)
        {
            string logs = await GetLogsAsync(50, cancellationToken).ConfigureAwait(false);
            throw new WebserviceException(
                $"Service deployment polling reached non-successful terminal state, current service state: {State}\n" +
                $"Error:\n{Error}\n" + (logs.Length > 0 ? $"Service log (last lines):\n{logs}" : ""));
        }
    }

    /// <summary>Sends <paramref name="inputData"/> (a JSON document) to the service and returns its JSON answer.</summary>
    /// <param name="inputData">The request body, e.g. <c>{"data": [[5.1, 3.5, 1.4, 0.2]]}</c>.</param>
    /// <exception cref="WebserviceException">The service answered with an error status; the message carries its answer.</exception>
    public virtual string Run(string inputData) => SynchronousCall.Run(() => RunAsync(inputData));

    /// <inheritdoc cref="Run"/>
    /// <param name="inputData">The request body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<string> RunAsync(string inputData, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(inputData, nameof(inputData));
        if (ScoringUri is null) await RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (ScoringUri is null) throw new WebserviceException($"Service '{Name}' is {State} and has no scoring URI yet; call WaitForDeployment() first.");
        try
        {
            return await Workspace.Backend.Deployments.ScoreAsync(_record, inputData, cancellationToken).ConfigureAwait(false);
        }
        catch (WebserviceException ex) when (ex.Status is null)
        {
            // No answer at all: say what the service's state is now, if it still exists.
            try
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AzureMLException)
            {
                // The service is gone as well; the connection failure below still says what happened.
            }

            throw new WebserviceException($"Service '{Name}' ({State}) did not answer at {ScoringUri}: {ex.Message}" + (Error is null ? "" : $"\n{Error}"), ex.InnerException ?? ex);
        }
    }

    /// <summary>The last <paramref name="numLines"/> lines of the service log.</summary>
    /// <param name="numLines">How many lines.</param>
    public virtual string GetLogs(int numLines = 5000) => SynchronousCall.Run(() => GetLogsAsync(numLines));

    /// <inheritdoc cref="GetLogs"/>
    /// <param name="numLines">How many lines.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<string> GetLogsAsync(int numLines = 5000, CancellationToken cancellationToken = default)
        => Workspace.Backend.Deployments.GetLogsAsync(Name, numLines, cancellationToken);

    /// <summary>The service's primary and secondary keys.</summary>
    /// <exception cref="WebserviceException">Key authentication is not enabled.</exception>
    public virtual (string Primary, string Secondary) GetKeys() => SynchronousCall.Run(() => GetKeysAsync());

    /// <inheritdoc cref="GetKeys"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<(string Primary, string Secondary)> GetKeysAsync(CancellationToken cancellationToken = default)
        => Workspace.Backend.Deployments.GetKeysAsync(Name, cancellationToken);

    /// <summary>Replaces a key with a new random one (or <paramref name="setKey"/>); the old key stops working.</summary>
    /// <param name="key"><c>Primary</c> or <c>Secondary</c>.</param>
    /// <param name="setKey">A chosen value for the key.</param>
    public virtual void RegenKey(string key, string? setKey = null) => SynchronousCall.Run(() => RegenKeyAsync(key, setKey));

    /// <inheritdoc cref="RegenKey"/>
    /// <param name="key"><c>Primary</c> or <c>Secondary</c>.</param>
    /// <param name="setKey">A chosen value for the key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task RegenKeyAsync(string key, string? setKey = null, CancellationToken cancellationToken = default)
        => Workspace.Backend.Deployments.RegenerateKeyAsync(Name, Argument.NotNullOrEmpty(key, nameof(key)), setKey, cancellationToken);

    /// <summary>
    /// Updates the service in place: new models or entry script (the service restarts behind the same scoring
    /// URI), or only its tags, properties, description or key authentication.
    /// </summary>
    /// <param name="models">The models to serve instead.</param>
    /// <param name="inferenceConfig">The entry script and environment to use instead.</param>
    /// <param name="tags">Replaces the tags.</param>
    /// <param name="properties">Replaces the properties.</param>
    /// <param name="description">Replaces the description.</param>
    /// <param name="authEnabled">Turns key authentication on or off.</param>
    public virtual void Update(IEnumerable<Model>? models = null, InferenceConfig? inferenceConfig = null, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, string>? properties = null, string? description = null, bool? authEnabled = null)
        => SynchronousCall.Run(() => UpdateAsync(models, inferenceConfig, tags, properties, description, authEnabled));

    /// <inheritdoc cref="Update"/>
    /// <param name="models">The models to serve instead.</param>
    /// <param name="inferenceConfig">The entry script and environment to use instead.</param>
    /// <param name="tags">Replaces the tags.</param>
    /// <param name="properties">Replaces the properties.</param>
    /// <param name="description">Replaces the description.</param>
    /// <param name="authEnabled">Turns key authentication on or off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task UpdateAsync(IEnumerable<Model>? models = null, InferenceConfig? inferenceConfig = null, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, string>? properties = null, string? description = null, bool? authEnabled = null, CancellationToken cancellationToken = default)
    {
        ServiceDeploymentRequest? redeploy = null;
        if (models is not null || inferenceConfig is not null)
        {
            IReadOnlyList<ModelReference> references = models is null ? _record.Models : ModelDeployment.References(models);
            redeploy = ModelDeployment.Request(Name, references, inferenceConfig, null, overwrite: true);
        }

        _record = await Workspace.Backend.Deployments.UpdateAsync(Name, redeploy, description, tags, properties, authEnabled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops and removes the service; nothing of it keeps running.</summary>
    public virtual void Delete() => SynchronousCall.Run(() => DeleteAsync());

    /// <inheritdoc cref="Delete"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => Workspace.Backend.Deployments.DeleteAsync(Name, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}(workspace={Workspace.Name}, name={Name}, state={State}, scoring_uri={ScoringUri})";

    private static async Task<ServiceRecord> GetRecordAsync(Workspace workspace, string name, CancellationToken cancellationToken)
    {
        DeploymentStore store = workspace.Backend.Deployments;
        ServiceRecord? record = await store.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (record is not null) return record;

        // A page of the names that exist, for the message.
        List<string> names = await store.ListAsync(ServiceQuery.All, cancellationToken).Select(s => s.Name).Take(21).ToListAsync(cancellationToken).ConfigureAwait(false);
        throw new WebserviceException($"There is no service named '{name}' in workspace '{workspace.Name}'. " +
            (names.Count == 0 ? "The workspace has no services." : $"Services: {string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", …" : "")}."))
        {
            ErrorCode = AzureMLErrorCode.ResourceNotFound,
        };
    }
}
