namespace AzureML.Core.Backends.Local;

/// <summary>
/// Ends a run whose script is no longer running: moves <c>./outputs</c> and <c>./logs</c> into the run's
/// artifacts, removes the working copy and records the final status. Only the caller that wins the move
/// to <c>Finalizing</c> does this, so a run is finished exactly once even when several processes notice
/// it ended.
/// </summary>
internal static class LocalRunFinalizer
{
    private const int TailLines = 30;

    /// <summary>Every status a run can be finished from.</summary>
    public static IReadOnlyList<RunStatus> Unfinished { get; } = new[]
    {
        RunStatus.NotStarted, RunStatus.Queued, RunStatus.Preparing, RunStatus.Starting, RunStatus.Running, RunStatus.CancelRequested,
    };

    public static RunRecord Finish(LocalBackend backend, string runId, int? exitCode, bool canceled, string? timeoutMessage)
    {
        LocalRunStore runs = backend.Runs;
        RunStatus? previous = runs.TryTransition(runId, Unfinished, RunStatus.Finalizing);
        if (previous is null) return runs.Get(runId);

        var layout = new LocalRunLayout(backend, runId);
        bool cancelRequested = canceled || previous == RunStatus.CancelRequested;
        try
        {
            CollectFolder(layout, "outputs");
            CollectFolder(layout, "logs");
        }
        finally
        {
            TryDelete(layout.Working);
        }

        (RunStatus status, RunError? error) = Outcome(layout, exitCode, cancelRequested, timeoutMessage);
        return runs.SetStatus(runId, status, error);
    }

    private static (RunStatus, RunError?) Outcome(LocalRunLayout layout, int? exitCode, bool canceled, string? timeoutMessage)
    {
        string? stderrTail = LogTail.ReadTail(layout.StderrFile, TailLines);
        if (canceled) return (RunStatus.Canceled, new RunError("Canceled", "The run was canceled.", exitCode, stderrTail));
        if (timeoutMessage is not null) return (RunStatus.Failed, new RunError("RunTimeout", timeoutMessage, exitCode, stderrTail));
        if (exitCode == 0) return (RunStatus.Completed, null);
        string? lastLine = stderrTail?.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim();
        string message = exitCode is null
            ? "The script's process ended without an exit code (it was killed, or the machine restarted)."
            : $"The script exited with code {exitCode}" + (lastLine is null ? "." : $": {lastLine}");
        return (RunStatus.Failed, new RunError("UserError", message, exitCode, stderrTail ?? LogTail.ReadTail(layout.LogFile, TailLines)));
    }

    private static void CollectFolder(LocalRunLayout layout, string name)
    {
        string source = Path.Combine(layout.Working, name);
        if (!Directory.Exists(source)) return;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(layout.Artifacts, name, Path.GetRelativePath(source, file));
            if (File.Exists(target)) continue; // an explicit upload under the same name wins
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target);
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
