using System.Collections.Concurrent;
using System.Diagnostics;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Looks after one submitted run inside the process that submitted it: waits in <c>Queued</c> for nodes of
/// its compute target, prepares the working copy and the interpreter, starts the script (one process per
/// node) in its own session with its output going to files (so the script survives this process),
/// enforces the duration limit, finishes the run when the script exits and gives the nodes back.
/// </summary>
internal sealed class LocalRunSupervisor
{
    // The wrapper sends stdout to the log, and stderr to both the log and a separate file for error tails.
    // It records the exit code in a file so a run can be finished by another process if this one is gone.
    private const string WrapperScript = """
        exec 3>>"$AZUREML_LOCAL_LOG_FILE"
        "$@" 2>&1 1>&3 3>&- | tee -a "$AZUREML_LOCAL_STDERR_FILE" 1>&3 3>&-
        rc=${PIPESTATUS[0]}
        printf '%s' "$rc" > "$AZUREML_LOCAL_EXIT_FILE.tmp" && mv -f "$AZUREML_LOCAL_EXIT_FILE.tmp" "$AZUREML_LOCAL_EXIT_FILE"
        exit "$rc"
        """;

    private static readonly ConcurrentDictionary<string, LocalRunSupervisor> s_active = new(StringComparer.Ordinal);
    private static readonly TimeSpan s_killWait = TimeSpan.FromSeconds(10);

    // Runs queued in other processes are only seen by polling; runs in this one also wake on Released.
    private static readonly TimeSpan s_queuePollInterval = TimeSpan.FromMilliseconds(250);

    private readonly LocalBackend _backend;
    private readonly JobSubmission _submission;
    private readonly string _snapshotFolder;
    private readonly LocalRunLayout _layout;
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource<RunRecord> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LocalRunNodes? _nodes;
    private bool _holdsNodes;

    private LocalRunSupervisor(LocalBackend backend, string runId, JobSubmission submission, string snapshotFolder)
    {
        _backend = backend;
        RunId = runId;
        _submission = submission;
        _snapshotFolder = snapshotFolder;
        _layout = new LocalRunLayout(backend, runId);
    }

    public string RunId { get; }

    /// <summary>Completes with the final record once the run has ended.</summary>
    public Task<RunRecord> Completion => _completion.Task;

    public static LocalRunSupervisor Start(LocalBackend backend, string runId, JobSubmission submission, string snapshotFolder)
    {
        var supervisor = new LocalRunSupervisor(backend, runId, submission, snapshotFolder);
        s_active[Key(backend, runId)] = supervisor;
        _ = Task.Run(supervisor.RunAsync);
        return supervisor;
    }

    public static LocalRunSupervisor? Find(LocalBackend backend, string runId)
        => s_active.TryGetValue(Key(backend, runId), out LocalRunSupervisor? supervisor) ? supervisor : null;

    private static string Key(LocalBackend backend, string runId) => backend.Root + "|" + runId;

    /// <summary>Asks the run to stop: before the script starts it never starts; after, its processes are killed.</summary>
    public void RequestCancel()
    {
        _backend.Runs.TryTransition(RunId, LocalRunFinalizer.Unfinished.Where(s => s != RunStatus.CancelRequested).ToList(), RunStatus.CancelRequested);
        _cancel.Cancel();
    }

    private async Task RunAsync()
    {
        try
        {
            _completion.TrySetResult(await SuperviseAsync().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            // Anything unexpected ends the run as a service error rather than leaving it running forever.
            try
            {
                _nodes?.KillAll(s_killWait);
                RunError failure = new("ServiceError", $"The local runner failed: {ex.GetType().Name}: {ex.Message}", LogTail: ex.ToString());
                RunRecord finished = LocalRunFinalizer.Finish(_backend, RunId, null, canceled: false, null, failure);

                // The failure may have struck inside finalization itself; the run must still end.
                if (!new RunStatus(finished.Status).IsTerminal) finished = _backend.Runs.SetStatus(RunId, RunStatus.Failed, failure);
                _completion.TrySetResult(finished);
            }
            catch (Exception inner)
            {
                _completion.TrySetException(new AggregateException(ex, inner));
            }
        }
        finally
        {
            ReleaseNodes();
            _nodes?.Dispose();
            s_active.TryRemove(Key(_backend, RunId), out _);
        }
    }

    private async Task<RunRecord> SuperviseAsync()
    {
        LocalRunStore runs = _backend.Runs;
        if (!LocalJobLauncher.IsLocalTarget(_submission.Target))
        {
            NodeClaim? claim = await WaitForNodesAsync().ConfigureAwait(false);
            if (claim?.Problem is string unavailable) return runs.SetStatus(RunId, RunStatus.Failed, new RunError("ComputeTargetUnavailable", unavailable));
            if (claim is null) return LocalRunFinalizer.Finish(_backend, RunId, null, canceled: true, null);
        }

        if (runs.TryTransition(RunId, new[] { RunStatus.Queued }, RunStatus.Preparing) is null)
        {
            ReleaseNodes();
            return LocalRunFinalizer.Finish(_backend, RunId, null, canceled: true, null);
        }

        (RunCommand? command, Dictionary<string, string>? variables, RunError? problem) = Prepare();
        if (problem is not null)
        {
            LocalRunFinalizer.TryDelete(_layout.Working);
            ReleaseNodes();
            return runs.SetStatus(RunId, RunStatus.Failed, problem);
        }

        if (_cancel.IsCancellationRequested || runs.TryTransition(RunId, new[] { RunStatus.Preparing }, RunStatus.Running) is null)
        {
            ReleaseNodes();
            return LocalRunFinalizer.Finish(_backend, RunId, null, canceled: true, null);
        }

        _nodes = StartNodes(command!, variables!);
        DateTimeOffset? deadline = _submission.MaxRunDurationSeconds is long seconds ? DateTimeOffset.UtcNow.AddSeconds(seconds) : null;
        new LocalRunProcesses(_backend.Database).RecordScript(RunId, _nodes.LeaderPid, deadline);

        // Another process may have asked to cancel between the move to Running and the pids being recorded.
        if (new RunStatus(runs.Get(RunId).Status) == RunStatus.CancelRequested) _cancel.Cancel();

        (int? exitCode, string? timeout) = await WaitAsync(_nodes, deadline).ConfigureAwait(false);
        bool canceled = _cancel.IsCancellationRequested && timeout is null;
        if (canceled || timeout is not null)
        {
            _nodes.KillAll(s_killWait);
            exitCode = null;
        }
        else
        {
            _nodes.KillLeftovers(s_killWait);
        }

        ReleaseNodes();
        return LocalRunFinalizer.Finish(_backend, RunId, exitCode, canceled, timeout);
    }

    /// <summary>
    /// Gives the run's nodes back once its processes are gone and before it reaches a final status, so
    /// whoever sees the run ended also sees its nodes free.
    /// </summary>
    private void ReleaseNodes()
    {
        if (!_holdsNodes) return;
        _holdsNodes = false;
        _backend.Compute.Slots.Release(RunId);
    }

    /// <summary>
    /// Waits in <c>Queued</c> until the run holds the nodes it needs. Returns the claim, one with the reason
    /// the run can never get them, or <c>null</c> when the run was canceled while it waited.
    /// </summary>
    private async Task<NodeClaim?> WaitForNodesAsync()
    {
        LocalNodeSlots slots = _backend.Compute.Slots;
        while (!_cancel.IsCancellationRequested)
        {
            Task released = LocalNodeSlots.Released; // taken before trying, so a release in between is not missed
            NodeClaim claim = slots.TryClaim(_submission.Target, RunId, _submission.NodeCount);
            if (claim != NodeClaim.Wait)
            {
                _holdsNodes = claim.Nodes is not null;
                return claim;
            }

            if (_backend.Runs.Get(RunId).Status != RunStatus.Queued.ToString()) return null; // canceled from another process
            await Task.WhenAny(released, Task.Delay(s_queuePollInterval, _cancel.Token)).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Waits for the nodes; returns their exit code, or the timeout message when the duration limit passed first.</summary>
    private async Task<(int?, string?)> WaitAsync(LocalRunNodes nodes, DateTimeOffset? deadline)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
        Task<int?> exited = nodes.WaitAsync(stop.Token);
        while (!exited.IsCompleted)
        {
            TimeSpan remaining = deadline is null ? TimeSpan.FromDays(1) : deadline.Value - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                stop.Cancel();
                await exited.ConfigureAwait(false);
                return (null, $"The run exceeded its maximum duration of {_submission.MaxRunDurationSeconds} seconds (maxRunDurationSeconds) and was stopped.");
            }

            Task delay = Task.Delay(remaining < TimeSpan.FromDays(1) ? remaining : TimeSpan.FromDays(1), _cancel.Token);
            await Task.WhenAny(exited, delay).ConfigureAwait(false);
        }

        return (await exited.ConfigureAwait(false), null);
    }

    private (RunCommand?, Dictionary<string, string>?, RunError?) Prepare()
    {
        Directory.CreateDirectory(_layout.Control);
        Directory.CreateDirectory(Path.GetDirectoryName(_layout.LogFile)!);
        FolderCopy.CopyTree(_snapshotFolder, _layout.Working);
        LocalRunIsolation.Ensure(_backend);

        Environment environment = _submission.Environment ?? new Environment("default-environment");
        DatasetInputsResult inputs;
        try
        {
            inputs = LocalDatasetInputs.Materialize(_backend, RunId, _submission.Arguments, _submission.DatasetInputs, _layout.Working);
        }
        catch (UserErrorException ex)
        {
            _layout.AppendPreparationNote(ex.Message);
            return (null, null, new RunError("UserError", ex.Message));
        }

        RunCommand command = RunCommand.For(_submission with { Arguments = inputs.Arguments });
        var variables = new Dictionary<string, string>(environment.EnvironmentVariables, StringComparer.Ordinal);
        foreach ((string key, string value) in inputs.EnvironmentVariables) variables[key] = value;

        if (environment.Docker.Enabled)
        {
            _layout.AppendPreparationNote(
                "Docker is enabled for environment '" + environment.Name + "', but local runs execute as processes on this machine; " +
                "the environment's packages are checked against the interpreters installed here.");
        }

        if (command.UsesPython)
        {
            IReadOnlyList<string> imports = _submission.Script is string script && script.EndsWith(".py", StringComparison.OrdinalIgnoreCase)
                ? [.. PythonScriptImports.Read(Path.Combine(_layout.Working, script), _layout.Working), .. inputs.PythonModules]
                : inputs.PythonModules;
            PythonEnvironmentResolver.Resolution resolution = PythonEnvironmentResolver.Resolve(environment, imports);
            if (resolution.Interpreter is null)
            {
                _layout.AppendRunNote(resolution.Problem!);
                return (null, null, new RunError("UserError", resolution.Problem!));
            }

            command = command.WithInterpreter(resolution.Interpreter.Path);
            foreach (string note in resolution.Notes) _layout.AppendRunNote(note);
            if (resolution.Interpreter.HasAzureMLCore)
            {
                _layout.AppendPreparationNote(
                    $"{resolution.Interpreter.Path} has azureml-core installed; scripts use it, and its Run.get_context() does not record to a local workspace. " +
                    "Use an interpreter without azureml-core (the SDK then supplies its own azureml package) to record metrics locally.");
            }
            else
            {
                string shim = EmbeddedFolder.PythonShim.Install(_backend.Root);
                string existing = System.Environment.GetEnvironmentVariable("PYTHONPATH") ?? "";
                variables["PYTHONPATH"] = existing.Length == 0 ? shim : shim + Path.PathSeparator + existing;
                _layout.AppendPreparationNote("azureml-core is not installed in that interpreter; using the SDK's azureml shim.");
            }
        }

        RunRecord run = _backend.Runs.Get(RunId);
        variables[Run.RunIdVariable] = RunId;
        variables["AZUREML_EXPERIMENT_NAME"] = _submission.ExperimentName;
        variables["AZUREML_RUN_DISPLAY_NAME"] = run.DisplayName ?? RunId;
        variables["AZUREML_ARM_WORKSPACE_NAME"] = System.Environment.GetEnvironmentVariable("AZUREML_ARM_WORKSPACE_NAME") ?? "local";
        variables[LocalBackend.WorkspaceVariable] = _backend.Root;
        variables["AZUREML_LOCAL_STDERR_FILE"] = _layout.StderrFile;
        variables["PYTHONUNBUFFERED"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return (command, variables, null);
    }

    /// <summary>
    /// Starts one process per node in the shared working copy. Distributed runs get the rendezvous
    /// variables; each node writes its own log and exit code.
    /// </summary>
    private LocalRunNodes StartNodes(RunCommand command, Dictionary<string, string> variables)
    {
        int nodeCount = _submission.NodeCount;
        int masterPort = nodeCount > 1 ? DistributedVariables.FreePort() : 0;
        return LocalRunNodes.Start(_backend, RunId, _layout, nodeCount, (rank, logFile, exitFile) =>
        {
            ProcessStartInfo start = SessionProcess.StartInfo(WrapperScript, "azureml-run", _layout.Working, command.Program, command.Arguments, variables);
            if (nodeCount > 1)
            {
                foreach ((string key, string value) in DistributedVariables.ForNode(rank, nodeCount, masterPort)) start.Environment[key] = value;
            }

            start.Environment["AZUREML_LOCAL_LOG_FILE"] = logFile;
            start.Environment["AZUREML_LOCAL_EXIT_FILE"] = exitFile;
            return start;
        });
    }
}
