using AzureML.Core;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>An experiment as HTML: its newest runs with status, type and times.</summary>
internal static class ExperimentHtml
{
    private const int MaxRuns = 20;

    public static string Render(Experiment experiment)
    {
        IReadOnlyList<Run> runs = experiment.GetRuns();
        var rows = runs.Take(MaxRuns).Select(run =>
        {
            RunDetails details = run.GetDetails();
            return (IReadOnlyList<string>)[
                Html.Encode(run.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Html.Code(run.Id),
                Html.Encode(run.DisplayName),
                Html.Encode(run.Type),
                Html.Badge(details.Status.ToString()),
                Html.Time(details.StartTimeUtc),
                Html.Encode(TextFormat.Elapsed(details.StartTimeUtc, details.EndTimeUtc) is { } d ? TextFormat.Duration(d) : ""),
            ];
        }).ToList();
        string table = runs.Count == 0
            ? "<div class=\"azureml-muted\">no runs yet</div>"
            : Html.Table("azureml-runs", ["#", "Run", "Display name", "Type", "Status", "Started", "Duration"], rows);
        string more = runs.Count > MaxRuns ? $"<div class=\"azureml-muted\">the newest {MaxRuns} of {runs.Count} runs</div>" : "";
        return Html.View("experiment", Html.Heading($"Experiment {experiment.Name}", $"workspace {experiment.Workspace.Name}") + table + more);
    }
}
