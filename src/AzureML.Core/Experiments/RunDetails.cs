using System.Globalization;
using System.Text;

namespace AzureML.Core;

/// <summary>What <see cref="Run.GetDetails()"/> returns: the run's definition, timing, status and error.</summary>
public sealed class RunDetails
{
    internal RunDetails() { }

    /// <summary>The run id.</summary>
    public string RunId { get; internal init; } = "";

    /// <summary>The compute target the run used (<c>local</c> for this machine).</summary>
    public string? Target { get; internal init; }

    /// <summary>The status when the details were read.</summary>
    public RunStatus Status { get; internal init; }

    /// <summary>When the script started.</summary>
    public DateTimeOffset? StartTimeUtc { get; internal init; }

    /// <summary>When the run reached a terminal status.</summary>
    public DateTimeOffset? EndTimeUtc { get; internal init; }

    /// <summary>The run's properties.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The run's tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The run definition (script, arguments, target, environment) as JSON, when the run was submitted.</summary>
    public string? RunDefinition { get; internal init; }

    /// <summary>Names of the run's log files (artifact names under <c>logs/</c>, <c>user_logs/</c> and <c>azureml-logs/</c>).</summary>
    public IReadOnlyList<string> LogFiles { get; internal init; } = Array.Empty<string>();

    /// <summary>Every status the run went through, oldest first, with times.</summary>
    public IReadOnlyList<RunStatusChange> StatusHistory { get; internal init; } = Array.Empty<RunStatusChange>();

    /// <summary>Why the run failed or was canceled; <c>null</c> otherwise.</summary>
    public RunError? Error { get; internal init; }

    /// <summary>
    /// The details as a few labelled lines (status and target, start, end and duration, status history, log files,
    /// error), for consoles and notebooks.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Run {RunId}: {Status}");
        if (Target is not null) text.Append(CultureInfo.InvariantCulture, $" (target {Target})");
        if (StartTimeUtc is { } start) Line(text, "started", start.ToString("u", CultureInfo.InvariantCulture));
        if (EndTimeUtc is { } end)
        {
            string duration = StartTimeUtc is { } begun ? string.Create(CultureInfo.InvariantCulture, $" ({(end - begun).TotalSeconds:0.0} s)") : "";
            Line(text, "ended", end.ToString("u", CultureInfo.InvariantCulture) + duration);
        }

        if (StatusHistory.Count > 0)
            Line(text, "history", string.Join(" > ", StatusHistory.Select(h => $"{h.Status} {h.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}")));
        if (LogFiles.Count > 0) Line(text, "logs", string.Join(", ", LogFiles));
        if (Error is not null)
        {
            string exit = Error.ExitCode is { } code ? string.Create(CultureInfo.InvariantCulture, $" (exit code {code})") : "";
            Line(text, "error", $"{Error.Code}: {Error.Message}{exit}");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value)
        => text.Append('\n').Append("  ").Append(label.PadRight(8)).Append(value);
}
