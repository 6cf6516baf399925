using System.Text;
using AzureML.Widgets;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>A run snapshot as plain text: what <see cref="AzureML.Widgets.RunDetails.ToString"/> prints.</summary>
internal static class RunText
{
    public static string Render(RunSnapshot run)
    {
        var text = new StringBuilder($"Run {run.RunId} ({run.ExperimentName} #{run.Number}, {run.Type}): {run.Status}");
        if (run.Details.StartTimeUtc is { } start) text.Append("\n  started   ").Append(TextFormat.Time(start));
        if (run.Details.EndTimeUtc is { } end) text.Append("\n  ended     ").Append(TextFormat.Time(end));
        if (TextFormat.Elapsed(run.Details.StartTimeUtc, run.Details.EndTimeUtc) is { } elapsed)
            text.Append(run.Details.EndTimeUtc is null ? "\n  running   " : "\n  duration  ").Append(TextFormat.Duration(elapsed));
        if (run.Details.Error is { } error) text.Append("\n  error     ").Append(error.Code).Append(": ").Append(error.Message);
        if (run.Metrics.Count > 0)
        {
            text.Append("\nMetrics\n").Append(Indent(PlainText.Table(["NAME", "VALUE"],
                run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (IReadOnlyList<string>)[m.Key, RunHtml.Describe(m.Value)]).ToList())));
        }

        if (run.Leaderboard is { Rows.Count: > 0 } leaderboard) text.Append($"\nTrials ({leaderboard.Rows.Count})\n").Append(Indent(leaderboard.ToString()));
        else if (run.Children.Count > 0)
        {
            text.Append($"\nChild runs ({run.Children.Count})\n").Append(Indent(PlainText.Table(["RUN", "STATUS", "DURATION"],
                run.Children.Select(c => (IReadOnlyList<string>)[c.RunId, c.Status.ToString(),
                    TextFormat.Elapsed(c.StartTimeUtc, c.EndTimeUtc) is { } d ? TextFormat.Duration(d) : ""]).ToList())));
        }

        if (run.LogTail is { Count: > 0 } log) text.Append("\nOutput (last lines)\n").Append(Indent(string.Join("\n", log)));
        return text.ToString();
    }

    private static string Indent(string block) => "  " + block.Replace("\n", "\n  ", StringComparison.Ordinal);
}
