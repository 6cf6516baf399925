
namespace AzureML.Core.Backends.Local;

/// <summary>
/// Runs submitted scripts as processes on this machine. Submission snapshots the source directory (after
/// checking the limits), creates the run and hands it to a <see cref="LocalRunSupervisor"/>; any process
/// can wait for or cancel the run, and one that finds the supervisor gone finishes the run itself.
/// </summary>
internal sealed class LocalJobLauncher : JobLauncher
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_finalizingGrace = TimeSpan.FromSeconds(60);
    private readonly LocalBackend _backend;
    private readonly LocalRunProcesses _processes;
    private readonly LocalRunNodeProcesses _nodeProcesses;

    public LocalJobLauncher(LocalBackend backend)
    {
        _backend = backend;
        _processes = new LocalRunProcesses(backend.Database);
        _nodeProcesses = new LocalRunNodeProcesses(backend.Database);
    }

    /// <summary>True for <c>local</c>: this machine, always there, with no limit on concurrent runs.</summary>
    public static bool IsLocalTarget(string target) => string.Equals(target, "local", StringComparison.OrdinalIgnoreCase);

    public override Task<RunRecord> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        ComputeRecord? compute = ResolveTarget(submission);
        if (compute is not null) submission = submission with { Target = compute.Name };

        RunCommand.For(submission); // validates the script kind before anything is copied
        SnapshotPlan plan = SnapshotPlan.Create(submission.SourceDirectory, new[] { _backend.Root }); // the folder must exist
        if (submission.Script is not null && !File.Exists(Path.Combine(submission.SourceDirectory, submission.Script)))
        {
            throw new UserErrorException($"The script '{submission.Script}' does not exist in the source directory '{submission.SourceDirectory}'.");
        }

        plan.CheckLimits(submission.SnapshotLimits);
        cancellationToken.ThrowIfCancellationRequested();

        string snapshotId = Guid.NewGuid().ToString();
        string snapshotFolder = _backend.SnapshotFolder(snapshotId);
        plan.CopyTo(snapshotFolder);

        var properties = new Dictionary<string, string>(submission.Properties ?? new Dictionary<string, string>())
        {
            ["ContentSnapshotId"] = snapshotId,
            ["azureml.runsource"] = "experiment",
            ["_azureml.ComputeTargetType"] = compute?.ComputeType.ToLowerInvariant() ?? "local",
        };
        RunRecord run = _backend.Runs.CreateAsync(new RunCreateRequest
        {
            ExperimentName = submission.ExperimentName,
            RunType = submission.RunType,
            Target = submission.Target,
            Tags = submission.Tags,
            Properties = properties,
            DefinitionJson = submission.DefinitionJson,
            EnvironmentJson = submission.Environment is null ? null : StoredEnvironment.Prepare(EnvironmentJson.Serialize(submission.Environment)),
        }, cancellationToken).Result;

        var layout = new LocalRunLayout(_backend, run.RunId);
        foreach (string note in plan.Notes()) layout.AppendRunNote(note);
        _processes.RecordSupervisor(run.RunId);
        _backend.Runs.SetStatus(run.RunId, RunStatus.Queued);
        LocalRunSupervisor.Start(_backend, run.RunId, submission, snapshotFolder);
        return Task.FromResult(_backend.Runs.Get(run.RunId));
    }

    /// <summary>
    /// The compute target a submission names (<c>null</c> for <c>local</c>), checked before anything is
    /// copied: it must exist and have at least as many nodes as the run asks for.
    /// </summary>
    private ComputeRecord? ResolveTarget(JobSubmission submission)
    {
        if (IsLocalTarget(submission.Target)) return null;
        ComputeRecord? compute = _backend.Compute.GetAsync(submission.Target, CancellationToken.None).Result;
        if (compute is null)
        {
            IEnumerable<string> existing = _backend.Compute.List().Select(c => c.Name);
            throw new UserErrorException(
                $"Compute target '{submission.Target}' does not exist in this workspace. Existing targets: {string.Join(", ", existing.Prepend("local"))}. " +
                $"Create it first with ComputeTarget.Create(ws, \"{submission.Target}\", AmlCompute.ProvisioningConfiguration(...)).");
        }

        if (submission.NodeCount > compute.MaxNodes)
        {
            throw new UserErrorException(
                $"The run asks for nodeCount {submission.NodeCount}, but the {compute.ComputeType} '{compute.Name}' has at most {compute.MaxNodes} nodes (maxNodes). " +
                $"Lower RunConfig.NodeCount, or raise the limit with AmlCompute.Update(maxNodes: {submission.NodeCount}).");
        }

        return compute;
    }

    public override async Task CancelAsync(string runId, CancellationToken cancellationToken)
    {
        RunRecord run = _backend.Runs.Get(runId);
        if (new RunStatus(run.Status).IsTerminal) return;

        LocalRunSupervisor? supervisor = LocalRunSupervisor.Find(_backend, runId);
        if (supervisor is not null)
        {
            supervisor.RequestCancel();
            await supervisor.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // Interactive runs, or runs whose supervisor lives in another process (or is gone).
        _backend.Runs.TryTransition(runId, LocalRunFinalizer.Unfinished.Where(s => s != RunStatus.CancelRequested).ToList(), RunStatus.CancelRequested);
        if (_processes.Get(runId) is { Pid: int pid } record)
        {
            ProcessTree.Kill(pid, record.StartTicks ?? 0, TimeSpan.FromSeconds(10));
        }

        _nodeProcesses.KillAll(runId, TimeSpan.FromSeconds(10));

        // A supervisor alive in another process finishes the run itself once its processes are gone (it may
        // still be preparing); otherwise the run is finished here.
        if (_processes.Get(runId) is { SupervisorAlive: true })
        {
            await WaitForCompletionAsync(runId, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        LocalRunFinalizer.Finish(_backend, runId, null, canceled: true, null);
    }

    public override Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken)
        => Task.FromResult(Reconcile(_backend.Runs.Get(runId)));

    public override async Task<RunRecord> WaitForCompletionAsync(string runId, Action<string>? output, CancellationToken cancellationToken)
    {
        var layout = new LocalRunLayout(_backend, runId);
        LogTail? tail = output is null ? null : new LogTail(layout.LogFile);
        output?.Invoke($"RunId: {runId}");
        output?.Invoke($"Streaming {LocalRunLayout.LogArtifact}");
        output?.Invoke(new string('=', 60));
        while (true)
        {
            RunRecord run = Reconcile(_backend.Runs.Get(runId));
            if (output is not null) tail!.Pump(output, final: new RunStatus(run.Status).IsTerminal);
            if (new RunStatus(run.Status).IsTerminal)
            {
                output?.Invoke("");
                output?.Invoke("Execution Summary");
                output?.Invoke(new string('=', 60));
                output?.Invoke($"RunId: {runId}");
                output?.Invoke($"Status: {run.Status}");
                if (run.Error is not null) output?.Invoke($"Error: {run.Error.Message}");
                return run;
            }

            LocalRunSupervisor? supervisor = LocalRunSupervisor.Find(_backend, runId);
            Task tick = Task.Delay(s_pollInterval, cancellationToken);
            await (supervisor is null ? tick : Task.WhenAny(supervisor.Completion, tick)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Finishes a run whose supervisor process is gone: from the recorded exit code when the script has
    /// ended, by killing it when it outlived its deadline, as failed when it never started.
    /// </summary>
    private RunRecord Reconcile(RunRecord run)
    {
        var status = new RunStatus(run.Status);
        // Only submitted runs have process records; interactive and child runs end by their own calls.
        if (status.IsTerminal || LocalRunSupervisor.Find(_backend, run.RunId) is not null) return run;
        RunProcessRecord? processes = _processes.Get(run.RunId);
        if (processes is null || processes.SupervisorAlive) return run;

        if (status == RunStatus.Finalizing)
        {
            // Whoever was finalizing died part-way; after a grace period one process claims the run and finishes it.
            return _backend.Runs.TryClaimStaleFinalization(run.RunId, s_finalizingGrace)
                ? LocalRunFinalizer.TakeOver(_backend, run.RunId, new LocalRunLayout(_backend, run.RunId).ReadRunExitCode())
                : run;
        }

        if (processes.Pid is null)
        {
            return _backend.Runs.SetStatus(run.RunId, RunStatus.Failed, new RunError("ServiceError",
                $"The process that submitted this run (pid {processes.SupervisorPid}) ended before the script started."));
        }

        if (processes.ScriptAlive || _nodeProcesses.List(run.RunId).Any(p => ProcessTree.IsAlive(p.Pid, p.StartTicks)))
        {
            // One node failed while its peers still run (they may wait for it forever): stop them and finish the run.
            if (new LocalRunLayout(_backend, run.RunId).ReadRunExitCode() is int failed and not 0)
            {
                _nodeProcesses.KillAll(run.RunId, TimeSpan.FromSeconds(10));
                return LocalRunFinalizer.Finish(_backend, run.RunId, failed, canceled: false, null);
            }

            if (processes.Deadline is DateTimeOffset deadline && deadline < DateTimeOffset.UtcNow)
            {
                ProcessTree.Kill(processes.Pid.Value, processes.StartTicks ?? 0, TimeSpan.FromSeconds(10));
                _nodeProcesses.KillAll(run.RunId, TimeSpan.FromSeconds(10));
                return LocalRunFinalizer.Finish(_backend, run.RunId, null, canceled: false,
                    "The run exceeded its maximum duration (maxRunDurationSeconds) and was stopped.");
            }

            return run;
        }

        return LocalRunFinalizer.Finish(_backend, run.RunId, new LocalRunLayout(_backend, run.RunId).ReadRunExitCode(), canceled: false, null);
    }
}
