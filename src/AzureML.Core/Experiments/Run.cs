using AzureML.Core.Backends;
using AzureML.Core.Backends.Local;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// One execution of a script, an interactive session or a trial, with its status, metrics, tags,
/// properties, files and child runs. Mirrors <c>azureml.core.Run</c>.
/// </summary>
public partial class Run
{
    /// <summary>The environment variable carrying the run id into a run's process.</summary>
    public const string RunIdVariable = "AZUREML_RUN_ID";

    private static readonly Lazy<Run> s_offlineRun = new(CreateOfflineRun, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Workspace> s_contextWorkspaces = new(StringComparer.Ordinal);
    private RunRecord _record;

    internal Run(Workspace workspace, RunRecord record)
    {
        Workspace = workspace;
        _record = record;
    }

    /// <summary>For mocking.</summary>
    protected Run()
    {
        Workspace = null!;
        _record = null!;
    }

    internal static Run FromRecord(Workspace workspace, RunRecord record) => new(workspace, record);

    /// <summary>The workspace the run belongs to.</summary>
    public virtual Workspace Workspace { get; }

    /// <summary>The run id, for example <c>train-sklearn_1700000000_1a2b3c4d</c>.</summary>
    public virtual string Id => _record.RunId;

    /// <summary>The run's sequence number within its experiment (1, 2, …).</summary>
    public virtual long Number => _record.Number;

    /// <summary>The display name, when one was set.</summary>
    public virtual string? DisplayName => _record.DisplayName;

    /// <summary>The run type: <c>azureml.scriptrun</c>, <c>interactive</c>, <c>automl</c>….</summary>
    public virtual string Type => _record.RunType;

    /// <summary>The status as last read; <see cref="GetStatus"/> reads it again.</summary>
    public virtual RunStatus Status => new(_record.Status);

    /// <summary>The experiment the run belongs to.</summary>
    public virtual Experiment Experiment => new(Workspace, SynchronousCall.Run(() => Workspace.Backend.Experiments.GetAsync(_record.ExperimentName, CancellationToken.None))
        ?? throw new AzureMLException($"The experiment '{_record.ExperimentName}' of run '{Id}' no longer exists."));

    /// <summary>The parent run, or <c>null</c> for a top-level run.</summary>
    public virtual Run? Parent => _record.ParentRunId is null ? null : Workspace.GetRun(_record.ParentRunId);

    /// <summary>The tags as last read.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => _record.Tags;

    /// <summary>The properties as last read.</summary>
    public virtual IReadOnlyDictionary<string, string> Properties => _record.Properties;

    /// <summary>
    /// The run this code executes in. Inside a submitted run that is the run itself; elsewhere, with
    /// <paramref name="allowOffline"/>, an offline run that keeps whatever is logged in memory and answers
    /// <see cref="GetMetrics(string?, bool)"/>, so the same script works in and out of a run.
    /// </summary>
    /// <param name="allowOffline">Return an offline run outside a submitted run instead of throwing.</param>
    /// <exception cref="UserErrorException">Not in a submitted run and <paramref name="allowOffline"/> is false.</exception>
    public static Run GetContext(bool allowOffline = true) => GetContext(allowOffline, System.Environment.GetEnvironmentVariable, options: null);

    /// <summary>
    /// The run <paramref name="variables"/> describe: a local run from <c>AZUREML_RUN_ID</c> and the local workspace's
    /// folder; a job on Azure from the variables the service sets (<c>MLFLOW_TRACKING_URI</c>, which names the workspace,
    /// <c>MLFLOW_RUN_ID</c>, and <c>AZUREML_RUN_TOKEN</c>, the run's own token, else the compute's identity).
    /// </summary>
    internal static Run GetContext(bool allowOffline, Func<string, string?> variables, AzureMLClientOptions? options)
    {
        string? runId = variables(RunIdVariable);
        string? localRoot = variables(LocalBackend.WorkspaceVariable);
        if (!string.IsNullOrEmpty(runId) && !string.IsNullOrEmpty(localRoot))
        {
            Workspace workspace = s_contextWorkspaces.GetOrAdd(localRoot,
                root => Workspace.OpenLocal(root, variables("AZUREML_ARM_WORKSPACE_NAME"), null, null));
            return workspace.GetRun(runId);
        }

        string? jobRun = variables(MlflowRunIdVariable) is { Length: > 0 } mlflowRun ? mlflowRun : runId;
        if (!string.IsNullOrEmpty(jobRun) && RunContextWorkspace.TryOpen(variables, options) is { } azure)
        {
            return azure.GetRun(jobRun);
        }

        if (!allowOffline)
        {
            throw new UserErrorException(
                $"Run.GetContext(allowOffline: false) was called outside a submitted run: neither {RunIdVariable} with {LocalBackend.WorkspaceVariable} (a local run) " +
                $"nor {MlflowRunIdVariable} with {RunContextWorkspace.TrackingUriVariable} (a job on Azure) is set. Submit the script with Experiment.Submit, or allow an offline run.");
        }

        return s_offlineRun.Value;
    }

    /// <summary>The variable an Azure ML job's process gets with its run id (the job name).</summary>
    public const string MlflowRunIdVariable = "MLFLOW_RUN_ID";

    private static Run CreateOfflineRun()
    {
        Workspace offline = Workspace.FromBackend("offline", null, LocalBackend.OpenInMemory());
        RunRecord record = offline.Backend.Runs.CreateAsync(new RunCreateRequest
        {
            ExperimentName = "offline",
            RunId = $"OfflineRun_{Guid.NewGuid()}",
            RunType = "offline",
            Target = "local",
            Start = true,
        }, CancellationToken.None).EnsureCompleted();
        return new Run(offline, record);
    }

    /// <summary>True for the offline run <see cref="GetContext(bool)"/> returns outside a submitted run.</summary>
    public virtual bool IsOffline => _record.RunType == "offline";

    /// <summary>Reads the status from the workspace.</summary>
    public virtual RunStatus GetStatus() => SynchronousCall.Run(() => GetStatusAsync());

    /// <inheritdoc cref="GetStatus"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<RunStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Status;
    }

    internal async Task RefreshAsync(CancellationToken cancellationToken)
        => _record = await Workspace.Backend.Runs.GetAsync(Id, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the run's definition, timing, status history, log file names and error.</summary>
    public virtual RunDetails GetDetails() => SynchronousCall.Run(() => GetDetailsAsync());

    /// <inheritdoc cref="GetDetails"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<RunDetails> GetDetailsAsync(CancellationToken cancellationToken = default)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StatusChange> history = await Workspace.Backend.Runs.GetStatusHistoryAsync(Id, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> files = await Workspace.Backend.Artifacts.ListAsync(Id, null, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new RunDetails
        {
            RunId = Id,
            Target = _record.Target,
            Status = Status,
            StartTimeUtc = _record.StartTime,
            EndTimeUtc = _record.EndTime,
            Properties = _record.Properties,
            Tags = _record.Tags,
            RunDefinition = _record.DefinitionJson,
            LogFiles = files.Where(IsLogFile).ToList(),
            StatusHistory = history.Select(h => new RunStatusChange(new RunStatus(h.Status), h.Time)).ToList(),
            Error = _record.Error,
        };
    }

    private static bool IsLogFile(string name)
        => name.StartsWith("logs/", StringComparison.Ordinal) || name.StartsWith("user_logs/", StringComparison.Ordinal)
        || name.StartsWith("azureml-logs/", StringComparison.Ordinal);

    /// <summary>
    /// Waits until the run reaches <c>Completed</c>, <c>Failed</c> or <c>Canceled</c>.
    /// </summary>
    /// <param name="showOutput">Stream the script's output to the console while waiting.</param>
    /// <param name="waitPostProcessing">Kept for azureml-core compatibility; local runs finish post-processing before they end.</param>
    /// <param name="raiseOnError">Throw <see cref="ActivityFailedException"/> when the run did not complete.</param>
    /// <returns>The run's details once it ended.</returns>
    public virtual RunDetails WaitForCompletion(bool showOutput = false, bool waitPostProcessing = false, bool raiseOnError = true)
        => SynchronousCall.Run(() => WaitForCompletionAsync(showOutput, waitPostProcessing, raiseOnError));

    /// <inheritdoc cref="WaitForCompletion"/>
    /// <param name="showOutput">Stream the script's output to the console while waiting.</param>
    /// <param name="waitPostProcessing">Kept for azureml-core compatibility.</param>
    /// <param name="raiseOnError">Throw when the run did not complete.</param>
    /// <param name="cancellationToken">Stops waiting (the run goes on).</param>
    public virtual Task<RunDetails> WaitForCompletionAsync(bool showOutput = false, bool waitPostProcessing = false, bool raiseOnError = true,
        CancellationToken cancellationToken = default)
        => WaitForCompletionAsync(showOutput ? Console.Out.WriteLine : null, raiseOnError, cancellationToken);

    /// <summary>
    /// Waits until the run ends, sending each line of its output to <paramref name="output"/> (for
    /// notebooks and loggers that are not the console).
    /// </summary>
    /// <param name="output">Receives each output line as it is written.</param>
    /// <param name="raiseOnError">Throw <see cref="ActivityFailedException"/> when the run did not complete.</param>
    /// <param name="cancellationToken">Stops waiting (the run goes on).</param>
    public virtual async Task<RunDetails> WaitForCompletionAsync(Action<string>? output, bool raiseOnError = true, CancellationToken cancellationToken = default)
    {
        _record = await Workspace.Backend.Jobs.WaitForCompletionAsync(Id, output, cancellationToken).ConfigureAwait(false);
        RunDetails details = await GetDetailsAsync(cancellationToken).ConfigureAwait(false);
        if (raiseOnError && details.Status != RunStatus.Completed)
        {
            string reason = details.Error is null ? "" : $": {details.Error.Message}";
            throw new ActivityFailedException($"Run '{Id}' ended as {details.Status}{reason}", details);
        }

        return details;
    }

    /// <summary>Cancels the run; every process it started is ended.</summary>
    public virtual void Cancel() => SynchronousCall.Run(() => CancelAsync());

    /// <inheritdoc cref="Cancel"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        await Workspace.Backend.Jobs.CancelAsync(Id, cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks an interactive or child run <c>Completed</c>. A submitted script run ends when its script exits,
    /// so calling this from inside the script changes nothing (as in azureml-core).
    /// </summary>
    public virtual void Complete() => SynchronousCall.Run(() => CompleteAsync());

    /// <inheritdoc cref="Complete"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task CompleteAsync(CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Runs.CompleteAsync(Id, cancellationToken).ConfigureAwait(false);

    /// <summary>Marks a run <c>Failed</c>; from inside a submitted script, the run ends <c>Failed</c> when the script exits.</summary>
    /// <param name="errorDetails">What went wrong.</param>
    /// <param name="errorCode">A short code; default <c>UserError</c>.</param>
    public virtual void Fail(string? errorDetails = null, string? errorCode = null) => SynchronousCall.Run(() => FailAsync(errorDetails, errorCode));

    /// <inheritdoc cref="Fail"/>
    /// <param name="errorDetails">What went wrong.</param>
    /// <param name="errorCode">A short code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task FailAsync(string? errorDetails = null, string? errorCode = null, CancellationToken cancellationToken = default)
    {
        var error = new RunError(errorCode ?? "UserError", errorDetails ?? "The run was marked failed.");
        _record = await Workspace.Backend.Runs.FailAsync(Id, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The environment the run used, or <c>null</c> for runs without one.</summary>
    public virtual Environment? GetEnvironment()
    {
        SynchronousCall.Run(() => RefreshAsync(CancellationToken.None));
        return _record.EnvironmentJson is null ? null : EnvironmentJson.Deserialize(_record.EnvironmentJson);
    }

    /// <inheritdoc />
    public override string ToString() => $"Run(Experiment: {_record.ExperimentName}, Id: {Id}, Type: {Type}, Status: {Status})";
}
