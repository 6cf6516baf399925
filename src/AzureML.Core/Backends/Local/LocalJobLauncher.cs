using System.Diagnostics;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Runs submitted scripts as processes on this machine. Submission checks the script and the snapshot limits,
/// snapshots the source directory, creates the run and hands it to a <see cref="LocalRunSupervisor"/> process of its
/// own, returning once that process has taken the run (<c>Queued</c>): the run never depends on the submitting
/// program again. Any process can wait for or cancel the run; one that finds the supervisor gone starts another.
/// </summary>
internal sealed class LocalJobLauncher : JobLauncher
{
    private const string Purpose = "runs cannot be submitted to a local workspace";
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    // How long a new supervisor may take to start (a loaded machine starts .NET slowly) before the submission fails.
    private static readonly TimeSpan s_handOverTimeout = TimeSpan.FromMinutes(2);

    // How often a waiter checks that the run still has a live supervisor.
    private static readonly TimeSpan s_supervisionCheck = TimeSpan.FromSeconds(1);

    private readonly LocalBackend _backend;
    private readonly LocalRunProcesses _processes;

    public LocalJobLauncher(LocalBackend backend)
    {
        _backend = backend;
        _processes = new LocalRunProcesses(backend.Database);
    }

    /// <summary>True for <c>local</c>: this machine, always there, with no limit on concurrent runs.</summary>
    public static bool IsLocalTarget(string target) => string.Equals(target, "local", StringComparison.OrdinalIgnoreCase);

    public override async Task<RunRecord> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        ComputeRecord? compute = ResolveTarget(submission);
        if (compute is not null) submission = submission with { Target = compute.Name };
        string host = LocalHostProgram.Locate(Purpose);

        var job = LocalJob.From(submission, Guid.NewGuid().ToString());
        RunCommand.For(job); // validates the script kind before anything is copied
        SnapshotPlan plan = SnapshotPlan.Create(submission.SourceDirectory, new[] { _backend.Root }); // the folder must exist
        if (job.Script is not null) job = job with { Script = ScriptInSnapshot(job.Script, plan) };
        plan.CheckLimits(submission.SnapshotLimits);
        cancellationToken.ThrowIfCancellationRequested();
        plan.CopyTo(_backend.SnapshotFolder(job.SnapshotId));

        var properties = new Dictionary<string, string>(submission.Properties ?? new Dictionary<string, string>())
        {
            ["ContentSnapshotId"] = job.SnapshotId,
            ["azureml.runsource"] = "experiment",
            ["_azureml.ComputeTargetType"] = compute?.ComputeType.ToLowerInvariant() ?? "local",
        };
        RunRecord run = _backend.Runs.CreateSubmitted(new RunCreateRequest
        {
            ExperimentName = submission.ExperimentName,
            RunType = submission.RunType,
            Target = submission.Target,
            Tags = submission.Tags,
            Properties = properties,
            DefinitionJson = submission.DefinitionJson,
            EnvironmentJson = submission.Environment is null ? null : StoredEnvironment.Prepare(EnvironmentJson.Serialize(submission.Environment)),
        }, job);

        var layout = new LocalRunLayout(_backend, run.RunId);
        foreach (string note in plan.Notes()) layout.AppendRunNote(note);
        await HandOverAsync(host, run.RunId).ConfigureAwait(false);
        return _backend.Runs.Get(run.RunId);
    }

    /// <summary>
    /// The script's path inside the snapshot, checked before anything is copied: it must be inside the source
    /// directory, exist, and be in the snapshot (not left out by an ignore rule or as a link that leaves the folder).
    /// </summary>
    private static string ScriptInSnapshot(string script, SnapshotPlan plan)
    {
        string full = Path.GetFullPath(Path.Combine(plan.SourceDirectory, script));
        string relative = Path.GetRelativePath(plan.SourceDirectory, full);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new UserErrorException(
                $"The script '{script}' is outside the source directory '{plan.SourceDirectory}'. A run starts from a snapshot of the source directory, " +
                "so the script must be inside it: pass its path relative to the source directory, or choose a source directory that holds it.");
        }

        relative = relative.Replace('\\', '/');
        if (!File.Exists(full))
        {
            throw new UserErrorException($"The script '{relative}' does not exist in the source directory '{plan.SourceDirectory}'.");
        }

        if (plan.WhyLeftOut(relative) is string reason)
        {
            throw new UserErrorException($"The script '{relative}' is not in the snapshot of '{plan.SourceDirectory}' because {reason}, so the run could not start it.");
        }

        return relative;
    }

    /// <summary>
    /// Starts the run's supervisor and waits until it has taken the run (moved it out of <c>NotStarted</c>). A
    /// supervisor that cannot start fails the run with what it printed.
    /// </summary>
    private async Task HandOverAsync(string host, string runId)
    {
        using Process supervisor = LocalRunSupervisor.Start(_backend, host, runId);
        var clock = Stopwatch.StartNew();
        while (_backend.Runs.Get(runId).Status == RunStatus.NotStarted.ToString())
        {
            if (supervisor.HasExited || clock.Elapsed > s_handOverTimeout)
            {
                if (!supervisor.HasExited) ProcessTree.Kill(supervisor.Id, ProcessIdentity.StartTicks(supervisor.Id), TimeSpan.FromSeconds(10));
                string log = LogTail.ReadTail(new LocalRunLayout(_backend, runId).SupervisorLog, 20) ?? "(nothing)";
                string message = $"The run's supervisor process did not start ({(supervisor.HasExited ? $"exit code {supervisor.ExitCode}" : "no answer")}). It printed:\n{log}";
                _backend.Runs.SetStatus(runId, RunStatus.Failed, new RunError("ServiceError", message));
                throw new AzureMLException($"Run {runId} could not be started: {message}");
            }

            await Task.Delay(s_pollInterval).ConfigureAwait(false);
        }
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

        if (_processes.Get(runId) is null)
        {
            // A run the calling code drives (interactive, child): nothing runs on its behalf.
            LocalRunFinalizer.Finish(_backend, runId, null, canceled: true, null);
            return;
        }

        // The supervisor sees the request, stops the script and finishes the run.
        _backend.Runs.TryTransition(runId, LocalRunFinalizer.Unfinished.Where(s => s != RunStatus.CancelRequested).ToList(), RunStatus.CancelRequested);
        await WaitForCompletionAsync(runId, null, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<RunRecord> WaitForCompletionAsync(string runId, Action<string>? output, CancellationToken cancellationToken)
    {
        var layout = new LocalRunLayout(_backend, runId);
        LogTail? tail = output is null ? null : new LogTail(layout.LogFile);
        output?.Invoke($"RunId: {runId}");
        output?.Invoke($"Streaming {LocalRunLayout.LogArtifact}");
        output?.Invoke(new string('=', 60));
        var sinceCheck = Stopwatch.StartNew();
        while (true)
        {
            RunRecord run = _backend.Runs.Get(runId);
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

            if (sinceCheck.Elapsed >= s_supervisionCheck)
            {
                // A waiter never waits for a run nobody looks after.
                Supervise(runId);
                sinceCheck.Restart();
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts a new supervisor for every unfinished submitted run whose supervisor is gone (killed, or the machine
    /// restarted). A program without the host program (one that only reads the workspace) leaves them to another.
    /// </summary>
    public void SuperviseAbandonedRuns()
    {
        IReadOnlyList<string> abandoned = _processes.ListAbandoned();
        if (abandoned.Count == 0 || !LocalHostProgram.IsInstalled) return;
        foreach (string runId in abandoned) Supervise(runId);
    }

    // Takes the run from a supervisor that is gone (only one process can) and hands it to a new one.
    private void Supervise(string runId)
    {
        if (!_processes.TryAdopt(runId)) return;
        using Process supervisor = LocalRunSupervisor.Start(_backend, LocalHostProgram.Locate(Purpose), runId);
    }
}
