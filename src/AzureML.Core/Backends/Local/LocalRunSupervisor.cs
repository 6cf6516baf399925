using System.Diagnostics;
using System.Globalization;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Looks after one submitted run from <c>Queued</c> to its end, in a process of its own (the SDK's host program,
/// <c>supervise</c>), so the run never depends on the program that submitted it: waits for nodes of its compute
/// target, prepares the working copy and the interpreter, starts the script (one process per node, each in its own
/// session with its output going to files), enforces the duration limit, stops the script when the run is canceled,
/// finishes the run when the script exits and gives the nodes back. It alone moves the run from status to status.
/// A supervisor started for a run whose previous one died (<see cref="LocalJobLauncher"/> hands it such runs) takes
/// the run over where it was: a queued run starts, a running one is watched until its script ends, a run stuck in
/// finalization is finished.
/// </summary>
internal sealed class LocalRunSupervisor
{
    // The wrapper starts the script only once the supervisor has recorded the node and the run reads Running, and says
    // "go" on its standard input: a supervisor that dies before that closes the pipe, and the wrapper exits without
    // running anything. It marks that the script started, sends stdout to the log and stderr to both the log and a
    // separate file for error tails, and records the exit code in a file, so a supervisor that takes the run over can
    // tell a script that never started from one that was killed, and finish the run.
    internal const string WrapperScript = """
        IFS= read -r gate
        [ "$gate" = go ] || exit 0
        : > "$AZUREML_LOCAL_EXIT_FILE.started"
        exec 3>>"$AZUREML_LOCAL_LOG_FILE"
        "$@" 2>&1 1>&3 3>&- | tee -a "$AZUREML_LOCAL_STDERR_FILE" 1>&3 3>&-
        rc=${PIPESTATUS[0]}
        printf '%s' "$rc" > "$AZUREML_LOCAL_EXIT_FILE.tmp" && mv -f "$AZUREML_LOCAL_EXIT_FILE.tmp" "$AZUREML_LOCAL_EXIT_FILE"
        exit "$rc"
        """;

    private const string SupervisorWrapper = "exec \"$@\" >>\"$AZUREML_SUPERVISOR_LOG\" 2>&1";
    private static readonly TimeSpan s_killWait = TimeSpan.FromSeconds(10);

    // How often the supervisor looks for a cancellation, a free node, or (for a run it took over) the script's end.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(250);

    // A finalization younger than this may still be under way in a process that is only slow.
    private static readonly TimeSpan s_finalizingGrace = TimeSpan.FromSeconds(60);

    private readonly LocalBackend _backend;
    private readonly RunProcessRecord _record;
    private readonly LocalJob _job;
    private readonly LocalRunLayout _layout;
    private readonly CancellationTokenSource _cancel = new();
    private RunRecord _run;
    private LocalRunNodes? _nodes;
    private bool _holdsNodes;

    private LocalRunSupervisor(LocalBackend backend, RunRecord run, RunProcessRecord record, LocalJob job)
    {
        _backend = backend;
        _run = run;
        _record = record;
        _job = job;
        _layout = new LocalRunLayout(backend, run.RunId);
    }

    private string RunId => _run.RunId;

    /// <summary>
    /// Starts a supervisor process for a run this process supervises (it created the run, or took it over from a
    /// supervisor that died); the new process takes the run from this one. Its output goes to the run's
    /// <c>control/supervisor.log</c>.
    /// </summary>
    /// <param name="backend">The workspace.</param>
    /// <param name="host">The host program (<see cref="LocalHostProgram.Locate"/>).</param>
    /// <param name="runId">The run.</param>
    public static Process Start(LocalBackend backend, string host, string runId)
    {
        int self = System.Environment.ProcessId;
        var layout = new LocalRunLayout(backend, runId);
        Directory.CreateDirectory(layout.Control);
        (string program, List<string> arguments) = LocalHostProgram.Command(host, LocalHostProgram.SuperviseVerb,
            backend.Root, runId, self.ToString(CultureInfo.InvariantCulture), ProcessIdentity.StartTicks(self).ToString(CultureInfo.InvariantCulture));
        var variables = new Dictionary<string, string>
        {
            ["AZUREML_SUPERVISOR_LOG"] = layout.SupervisorLog,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        ProcessStartInfo start = SessionProcess.StartInfo(SupervisorWrapper, "azureml-supervisor", layout.RunFolder, program, arguments, variables);
        Process process = Process.Start(start) ?? throw new AzureMLException($"Could not start the supervisor of run {runId}.");
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// The <c>supervise &lt;workspace&gt; &lt;run id&gt; &lt;pid&gt; &lt;start ticks&gt;</c> verb: takes the run from the process
    /// that started this one (or from a supervisor that is gone) and sees it to its end. Returns 0, also when another
    /// live process already supervises the run; 2 for wrong arguments.
    /// </summary>
    public static int Supervise(IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 4 || !int.TryParse(arguments[2], CultureInfo.InvariantCulture, out int pid)
            || !long.TryParse(arguments[3], CultureInfo.InvariantCulture, out long startTicks))
        {
            Console.Error.WriteLine("supervise takes: <workspace folder> <run id> <pid> <start ticks> of the process handing the run over.");
            return 2;
        }

        using LocalBackend backend = LocalBackend.Open(arguments[0], recover: false);
        string runId = arguments[1];
        RunProcessRecord? record = new LocalRunProcesses(backend.Database).Claim(runId, (pid, startTicks));
        if (record is null)
        {
            Console.Error.WriteLine($"Run {runId} is supervised by another live process; nothing to do.");
            return 0;
        }

        RunRecord run = backend.Runs.Get(runId);
        if (record.Job is null)
        {
            backend.Runs.SetStatus(runId, RunStatus.Failed, new RunError("ServiceError",
                "The run was submitted by an SDK version that kept its job in the submitting process, which has ended. Submit it again."));
            return 0;
        }

        new LocalRunSupervisor(backend, run, record, record.Job).SuperviseToTheEndAsync().GetAwaiter().GetResult();
        return 0;
    }

    private async Task SuperviseToTheEndAsync()
    {
        using var stopWatching = new CancellationTokenSource();
        Task watching = WatchForCancelAsync(stopWatching.Token);
        try
        {
            await SuperviseAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Anything unexpected ends the run as a service error rather than leaving it running forever.
            _nodes?.KillAll(s_killWait);
            RunError failure = new("ServiceError", $"The local runner failed: {ex.GetType().Name}: {ex.Message}", LogTail: ex.ToString());
            RunRecord finished = LocalRunFinalizer.Finish(_backend, RunId, null, canceled: false, null, failure);

            // The failure may have struck inside finalization itself; the run must still end.
            if (!new RunStatus(finished.Status).IsTerminal) _backend.Runs.SetStatus(RunId, RunStatus.Failed, failure);
        }
        finally
        {
            ReleaseNodes();
            _nodes?.Dispose();
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(false);
        }
    }

    // Cancel() in any process records CancelRequested; the supervisor sees it here and stops what it is doing.
    private async Task WatchForCancelAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (new RunStatus(_backend.Runs.Get(RunId).Status) == RunStatus.CancelRequested)
                {
                    await _cancel.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await Task.Delay(s_pollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private async Task SuperviseAsync()
    {
        LocalRunStore runs = _backend.Runs;
        runs.TryTransition(RunId, new[] { RunStatus.NotStarted }, RunStatus.Queued);
        _run = runs.Get(RunId);
        var status = new RunStatus(_run.Status);
        if (status.IsTerminal) return;
        if (status == RunStatus.Queued)
        {
            await StartAsync().ConfigureAwait(false);
        }
        else if (status == RunStatus.Preparing)
        {
            // The previous supervisor died part-way through preparing; what it left is not trusted. Nodes it started
            // were never let through (their gate closed with it); they are ended before their folder goes.
            new LocalRunNodeProcesses(_backend.Database).KillAll(RunId, s_killWait);
            LocalRunFinalizer.TryDelete(_layout.Working);
            runs.SetStatus(RunId, RunStatus.Failed, new RunError("ServiceError",
                "The run's supervisor ended while preparing the run (it was killed, or the machine restarted). Submit the run again."));
        }
        else if (status == RunStatus.Finalizing)
        {
            await FinishAbandonedFinalizationAsync().ConfigureAwait(false);
        }
        else
        {
            await WatchTakenOverScriptAsync().ConfigureAwait(false);
        }
    }

    private async Task StartAsync()
    {
        LocalRunStore runs = _backend.Runs;
        if (!LocalJobLauncher.IsLocalTarget(_run.Target ?? "local"))
        {
            NodeClaim? claim = await WaitForNodesAsync().ConfigureAwait(false);
            if (claim?.Problem is string unavailable)
            {
                runs.SetStatus(RunId, RunStatus.Failed, new RunError("ComputeTargetUnavailable", unavailable));
                return;
            }

            if (claim is null)
            {
                LocalRunFinalizer.Finish(_backend, RunId, null, canceled: true, null);
                return;
            }
        }

        if (runs.TryTransition(RunId, new[] { RunStatus.Queued }, RunStatus.Preparing) is null)
        {
            ReleaseNodes();
            LocalRunFinalizer.Finish(_backend, RunId, null, canceled: true, null);
            return;
        }

        (RunCommand? command, Dictionary<string, string>? variables, RunError? problem) = Prepare();
        if (problem is not null)
        {
            LocalRunFinalizer.TryDelete(_layout.Working);
            ReleaseNodes();
            runs.SetStatus(RunId, RunStatus.Failed, problem);
            return;
        }

        // Started held at the gate and recorded before the run reads Running, so a successor that finds the run Running
        // always finds its processes; they run the script only once let through.
        _nodes = StartNodes(command!, variables!);
        DateTimeOffset? deadline = _job.MaxRunDurationSeconds is long seconds ? DateTimeOffset.UtcNow.AddSeconds(seconds) : null;
        new LocalRunProcesses(_backend.Database).RecordScript(RunId, _nodes.LeaderPid, deadline);
        if (_cancel.IsCancellationRequested || runs.TryTransition(RunId, new[] { RunStatus.Preparing }, RunStatus.Running) is null)
        {
            _nodes.KillAll(s_killWait);
            ReleaseNodes();
            LocalRunFinalizer.Finish(_backend, RunId, null, canceled: true, null);
            return;
        }

        _nodes.LetThrough();

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
        LocalRunFinalizer.Finish(_backend, RunId, exitCode, canceled, timeout);
    }

    /// <summary>
    /// Watches the nodes of a run whose previous supervisor died after starting them (they are not this process's
    /// children, so they are polled), stopping them on cancellation, a failed peer or the deadline, and finishes the run.
    /// </summary>
    private async Task WatchTakenOverScriptAsync()
    {
        var nodeProcesses = new LocalRunNodeProcesses(_backend.Database);
        while (true)
        {
            int? recorded = _layout.ReadRunExitCode();
            if (!nodeProcesses.List(RunId).Any(p => ProcessIdentity.IsAlive(p.Pid, p.StartTicks)))
            {
                if (recorded is null && !File.Exists(_layout.ScriptStartedFile))
                {
                    // The previous supervisor died after the run read Running but before it let the script through.
                    _backend.Runs.SetStatus(RunId, RunStatus.Failed, new RunError("ServiceError",
                        "The run's supervisor ended before the script started (it was killed, or the machine restarted); the script never ran. Submit the run again."));
                    return;
                }

                LocalRunFinalizer.Finish(_backend, RunId, recorded, canceled: _cancel.IsCancellationRequested, null);
                return;
            }

            // One node failed while its peers still run (they may wait for it forever), or the run must stop.
            string? timeout = _record.Deadline is DateTimeOffset deadline && deadline < DateTimeOffset.UtcNow
                ? "The run exceeded its maximum duration (maxRunDurationSeconds) and was stopped."
                : null;
            if (recorded is int failed and not 0)
            {
                nodeProcesses.KillAll(RunId, s_killWait);
                LocalRunFinalizer.Finish(_backend, RunId, failed, canceled: false, null);
                return;
            }

            if (_cancel.IsCancellationRequested || timeout is not null)
            {
                nodeProcesses.KillAll(RunId, s_killWait);
                LocalRunFinalizer.Finish(_backend, RunId, null, canceled: timeout is null, timeout);
                return;
            }

            try
            {
                await Task.Delay(s_pollInterval, _cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Look again at once: the run is to stop.
            }
        }
    }

    // Whoever was finalizing died part-way; once the grace period has passed this process finishes the run.
    private async Task FinishAbandonedFinalizationAsync()
    {
        while (!_backend.Runs.TryClaimStaleFinalization(RunId, s_finalizingGrace))
        {
            if (new RunStatus(_backend.Runs.Get(RunId).Status).IsTerminal) return;
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        LocalRunFinalizer.TakeOver(_backend, RunId, _layout.ReadRunExitCode());
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
            NodeClaim claim = slots.TryClaim(_run.Target!, RunId, _job.NodeCount);
            if (claim != NodeClaim.Wait)
            {
                _holdsNodes = claim.Nodes is not null;
                return claim;
            }

            try
            {
                // Nodes are given back by runs in other processes: only polling sees it.
                await Task.Delay(s_pollInterval, _cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
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
                await stop.CancelAsync().ConfigureAwait(false);
                await exited.ConfigureAwait(false);
                return (null, $"The run exceeded its maximum duration of {_job.MaxRunDurationSeconds} seconds (maxRunDurationSeconds) and was stopped.");
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
        FolderCopy.CopyTree(_backend.SnapshotFolder(_job.SnapshotId), _layout.Working);
        LocalRunIsolation.Ensure(_backend);

        Environment environment = _run.EnvironmentJson is null ? new Environment("default-environment") : EnvironmentJson.Deserialize(_run.EnvironmentJson);
        DatasetInputsResult inputs;
        try
        {
            inputs = LocalDatasetInputs.Materialize(_backend, RunId, _job.Arguments, _job.DatasetInputs, _layout.Working);
        }
        catch (UserErrorException ex)
        {
            _layout.AppendPreparationNote(ex.Message);
            return (null, null, new RunError("UserError", ex.Message));
        }

        RunCommand command = RunCommand.For(_job with { Arguments = inputs.Arguments });
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
            IReadOnlyList<string> imports = _job.Script is string script && script.EndsWith(".py", StringComparison.OrdinalIgnoreCase)
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

        variables[Run.RunIdVariable] = RunId;
        variables["AZUREML_EXPERIMENT_NAME"] = _run.ExperimentName;
        variables["AZUREML_RUN_DISPLAY_NAME"] = _run.DisplayName ?? RunId;
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
        int nodeCount = _job.NodeCount;
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
