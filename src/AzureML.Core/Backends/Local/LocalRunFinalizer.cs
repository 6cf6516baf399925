using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Ends a run whose script is no longer running: moves <c>./outputs</c> and <c>./logs</c> into the run's
/// artifacts, removes the working copy and records the final status; child runs the script left unfinished
/// end <c>Canceled</c> with it. Only the caller that wins the move to <c>Finalizing</c> does this, so a run is
/// finished exactly once even when several processes notice it ended.
/// </summary>
internal static class LocalRunFinalizer
{
    private const int TailLines = 30;

    /// <summary>Every status a run can be finished from.</summary>
    public static IReadOnlyList<RunStatus> Unfinished { get; } = new[]
    {
        RunStatus.NotStarted, RunStatus.Queued, RunStatus.Preparing, RunStatus.Starting, RunStatus.Running, RunStatus.CancelRequested,
    };

    public static RunRecord Finish(LocalBackend backend, string runId, int? exitCode, bool canceled, string? timeoutMessage, RunError? failure = null)
        => FinishFrom(backend, runId, Unfinished, exitCode, canceled, timeoutMessage, failure);

    /// <summary>Finishes a run whose finalizer died part-way (it is stuck in <c>Finalizing</c>).</summary>
    public static RunRecord TakeOver(LocalBackend backend, string runId, int? exitCode)
        => FinishFrom(backend, runId, new[] { RunStatus.Finalizing }, exitCode, canceled: false, null, null);

    private static RunRecord FinishFrom(LocalBackend backend, string runId, IReadOnlyCollection<RunStatus> from, int? exitCode, bool canceled,
        string? timeoutMessage, RunError? failure)
    {
        LocalRunStore runs = backend.Runs;
        RunStatus? previous = runs.TryTransition(runId, from, RunStatus.Finalizing);
        if (previous is null) return runs.Get(runId);

        var layout = new LocalRunLayout(backend, runId);
        bool cancelRequested = canceled || previous == RunStatus.CancelRequested;
        backend.Compute.Slots.Release(runId); // whoever finishes the run gives its nodes back
        RunError? collectionProblem = null;
        try
        {
            CollectFolder(layout, "outputs");
            CollectFolder(layout, "logs");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The run still gets its final status; what could not be collected is said in its error.
            collectionProblem = new RunError("ServiceError", $"The run's outputs could not all be collected: {ex.GetType().Name}: {ex.Message}", exitCode);
        }
        finally
        {
            TryDelete(layout.Working);
        }

        (RunStatus status, RunError? error) = failure is not null
            ? (RunStatus.Failed, failure)
            : Outcome(layout, exitCode, cancelRequested, timeoutMessage, runs.Get(runId).Error ?? collectionProblem);
        RunRecord finished = runs.SetStatus(runId, status, error);
        runs.EndUnfinishedChildren(runId);
        return finished;
    }

    private static (RunStatus, RunError?) Outcome(LocalRunLayout layout, int? exitCode, bool canceled, string? timeoutMessage, RunError? recorded)
    {
        string? stderrTail = LogTail.ReadTail(layout.StderrFile, TailLines);
        if (canceled) return (RunStatus.Canceled, new RunError("Canceled", "The run was canceled.", exitCode, stderrTail));
        if (timeoutMessage is not null) return (RunStatus.Failed, new RunError("RunTimeout", timeoutMessage, exitCode, stderrTail));
        if (exitCode == 0) return recorded is null ? (RunStatus.Completed, null) : (RunStatus.Failed, recorded with { ExitCode = 0 });
        string? lastLine = stderrTail?.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim();
        string message = exitCode is null
            ? "The script's process ended without an exit code (it was killed, or the machine restarted)."
            : $"The script exited with code {exitCode}" + (lastLine is null ? "." : $": {lastLine}");
        return (RunStatus.Failed, new RunError("UserError", message, exitCode, stderrTail ?? LogTail.ReadTail(layout.LogFile, TailLines)));
    }

    private static void CollectFolder(LocalRunLayout layout, string name)
    {
        string source = Path.Combine(layout.Working, name);
        if (!Directory.Exists(source) || new DirectoryInfo(source).LinkTarget is not null) return;

        // A link is copied as what it points to, never moved: the file it leads to stays where it is (it may be one
        // the script only linked to). A link that leaves the working copy is not followed.
        FolderListing listing = FolderListing.List(source, boundary: layout.Working);
        foreach (SkippedLink link in listing.SkippedLinks) layout.AppendRunNote($"Outputs: {link} (the run's working copy).");
        foreach (ListedFile file in listing.Files.OrderByDescending(f => f.ThroughLink)) // copies before moves: a link may lead to a file moved here
        {
            string target = Path.Combine(layout.Artifacts, name, file.RelativePath);
            if (File.Exists(target)) continue; // an explicit upload under the same name wins
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (file.ThroughLink) File.Copy(file.FullPath, target);
            else File.Move(file.FullPath, target);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stray process may still hold a file; the working copy is not part of the run's record.
        }
    }
}
