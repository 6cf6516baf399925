using System.Text.RegularExpressions;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// Streams a job's output the way azure-ai-ml's <c>stream_logs_until_completion</c> does: poll run details
/// with a growing interval, pick the primary (rank 0) user log, print only lines not printed yet, resume
/// from the last file, and stop at a terminal status (or at the finalizing marker).
/// </summary>
internal sealed partial class RunLogStreamer
{
    private const string FinalizingMarker = "The activity completed successfully. Finalizing run...";
    private static readonly HashSet<string> s_active = new(StringComparer.OrdinalIgnoreCase)
    {
        "NotStarted", "Queued", "Preparing", "Provisioning", "Starting", "Running", "Finalizing", "CancelRequested",
    };

    private readonly RunHistoryClient _history;
    private readonly Rest.PollingClock _clock;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _maxInterval;
    private readonly Dictionary<string, int> _printedLines = new(StringComparer.Ordinal);

    public RunLogStreamer(RunHistoryClient history, Rest.PollingClock clock, TimeSpan minInterval, TimeSpan maxInterval)
    {
        _history = history;
        _clock = clock;
        _minInterval = minInterval;
        _maxInterval = maxInterval;
    }

    /// <summary>Streams until the run is no longer active; returns its last details.</summary>
    public async ValueTask<RunHistoryDetails> StreamAsync(string runId, Action<string> output, bool async, CancellationToken cancellationToken)
    {
        DateTimeOffset start = _clock.UtcNow;
        RunHistoryDetails details = await _history.GetDetailsAsync(runId, async, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            bool done = details.Status is null || !s_active.Contains(details.Status);
            bool finalizing = await PrintNewLinesAsync(details, output, done, async, cancellationToken).ConfigureAwait(false);
            if (done || finalizing && details.Status == "Finalizing") return details;
            await _clock.WaitAsync(NextInterval(_clock.UtcNow - start), async, cancellationToken).ConfigureAwait(false);
            details = await _history.GetDetailsAsync(runId, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>azure-ai-ml's back-off: <c>max(min, 60 / (1 + 100·e^(−t/20)))</c> seconds, at most the maximum.</summary>
    internal TimeSpan NextInterval(TimeSpan elapsed)
    {
        double seconds = 60 / (1 + 100 * Math.Exp(-elapsed.TotalSeconds / 20));
        return TimeSpan.FromSeconds(Math.Clamp(Math.Floor(seconds), _minInterval.TotalSeconds, _maxInterval.TotalSeconds));
    }

    /// <summary>The logs to follow: the primary user log, else the job type's fallback, sorted by name.</summary>
    internal static IReadOnlyList<string> SelectLogs(IEnumerable<string> names)
    {
        string[] all = names.ToArray();
        string[] primary = all.Where(n => PrimaryUserLog().IsMatch(n)).ToArray();
        string[] chosen = primary.Length > 0 ? primary : all.Where(n => LegacyCommandLog().IsMatch(n)).ToArray();
        Array.Sort(chosen, StringComparer.Ordinal);
        return chosen;
    }

    /// <summary>Prints the lines not printed yet; a last line without its newline waits for the next poll unless the run is over.</summary>
    private async ValueTask<bool> PrintNewLinesAsync(RunHistoryDetails details, Action<string> output, bool final, bool async, CancellationToken cancellationToken)
    {
        if (details.LogFiles is null || details.LogFiles.Count == 0) return false;
        bool sawMarker = false;
        IReadOnlyList<string> logs = SelectLogs(details.LogFiles.Keys);

        // Files already finished are not read again: resume from the last one printed.
        int first = 0;
        for (int i = 0; i < logs.Count; i++)
        {
            if (_printedLines.ContainsKey(logs[i])) first = i;
        }

        for (int i = first; i < logs.Count; i++)
        {
            string name = logs[i];
            if (!Uri.TryCreate(details.LogFiles[name], UriKind.Absolute, out Uri? url)) continue;
            string content = await _history.ReadLogAsync(name, url, async, cancellationToken).ConfigureAwait(false);
            string[] lines = content.Replace("\r\n", "\n").Split('\n');
            int complete = final && !content.EndsWith('\n') ? lines.Length : lines.Length - 1;
            int printed = _printedLines.GetValueOrDefault(name);
            if (printed == 0 && complete > 0) output($"[{name}]");
            for (int line = printed; line < complete; line++) output(lines[line]);
            _printedLines[name] = Math.Max(printed, complete);
            sawMarker |= content.Contains(FinalizingMarker, StringComparison.Ordinal);
        }

        return sawMarker;
    }

    [GeneratedRegex(@"^user_logs/std_log[\D]*[0]*(?:_ps)?\.txt")]
    private static partial Regex PrimaryUserLog();

    [GeneratedRegex(@"^azureml-logs/[\d]{2}.+\.txt")]
    private static partial Regex LegacyCommandLog();
}
