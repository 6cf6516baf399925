using System.Collections;
using AzureML.Core;
using AzureML.Core.Interactive.Charts;
using AzureML.Widgets;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>
/// A run as HTML: status and times, metrics (a chart per logged series, tables, confusion matrix and ROC curve),
/// child runs or the AutoML leaderboard, files, and the streamed log when there is one.
/// </summary>
internal static class RunHtml
{
    private const int MaxFiles = 40;
    private const int MaxTableRows = 20;

    public static string Render(RunSnapshot run)
    {
        var body = new List<string>
        {
            Html.Heading($"Run {run.RunId}", $"{run.ExperimentName} #{run.Number} · {run.Type}") + Html.Badge(run.Status.ToString()),
            Html.Properties(Summary(run)),
        };
        if (run.Metrics.Count > 0) body.Add(Html.Section("Metrics", MetricsTable(run.Metrics)));
        string charts = Charts(run);
        if (charts.Length > 0) body.Add(Html.Section("Charts", $"<div class=\"azureml-charts\">{charts}</div>"));
        foreach ((string name, IReadOnlyDictionary<string, IReadOnlyList<object?>> table) in OtherTables(run.Metrics))
            body.Add(Html.Section(name, MetricTable(table)));
        if (run.Leaderboard is { Rows.Count: > 0 } leaderboard) body.Add(Html.Section($"Trials ({leaderboard.Rows.Count})", LeaderboardHtml.Table(leaderboard)));
        else if (run.Children.Count > 0) body.Add(Html.Section($"Child runs ({run.Children.Count})", ChildrenTable(run.Children)));
        if (run.Files.Count > 0) body.Add(Html.Section($"Files ({run.Files.Count})", Files(run.Files)));
        if (run.LogTail is { } log)
        {
            string text = log.Count == 0 ? "(no output yet)" : string.Join("\n", log);
            body.Add(Html.Section("Output (last lines)", $"<pre class=\"azureml-log\">{Html.Encode(text)}</pre>"));
            body.Add($"<div class=\"azureml-muted\" data-read-at=\"{Html.Encode(TextFormat.Time(run.ReadAt))}\">as of {Html.Encode(TextFormat.Time(run.ReadAt))}</div>");
        }

        return Html.View("run", string.Concat(body));
    }

    private static IEnumerable<(string, string)> Summary(RunSnapshot run)
    {
        if (run.DisplayName is { } name) yield return ("Display name", Html.Encode(name));
        if (run.Details.Target is { } target) yield return ("Target", Html.Code(target));
        yield return ("Started", Html.Time(run.Details.StartTimeUtc));
        if (run.Details.EndTimeUtc is { } end) yield return ("Ended", Html.Time(end));
        if (TextFormat.Elapsed(run.Details.StartTimeUtc, run.Details.EndTimeUtc) is { } elapsed)
            yield return (run.Details.EndTimeUtc is null ? "Running for" : "Duration", Html.Encode(TextFormat.Duration(elapsed)));
        if (run.Details.Error is { } error) yield return ("Error", $"{Html.Code(error.Code)} {Html.Encode(error.Message)}");
    }

    private static string MetricsTable(IReadOnlyDictionary<string, object> metrics)
        => Html.Table("azureml-metrics", ["Name", "Value"], metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (IReadOnlyList<string>)[
            Html.Encode(m.Key),
            Html.Encode(Describe(m.Value)),
        ]));

    internal static string Describe(object? value)
    {
        if (MetricShapes.TryConfusionMatrix(value, out _)) return "confusion matrix (see chart)";
        if (MetricShapes.TryRocCurve(value, out _)) return "ROC curve (see chart)";
        if (MetricShapes.TryTable(value, out var table))
        {
            int rows = table.Values.Select(c => c.Count).DefaultIfEmpty(0).Max();
            return $"table: {string.Join(", ", table.Keys)} ({rows} rows)";
        }

        if (MetricShapes.TrySeries(value, out _)) return TextFormat.Series((IList)value!);
        return TextFormat.Value(value);
    }

    private static string Charts(RunSnapshot run)
    {
        var charts = new List<string>();
        foreach ((string name, object value) in run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (MetricShapes.TrySeries(value, out double[] series)) charts.Add(SvgCharts.Series(name, series));
        }

        if (run.Leaderboard is { PrimaryMetric: { } metric } leaderboard)
        {
            var scores = leaderboard.Rows.Where(r => r.Iteration is not null && r.Score is not null)
                .OrderBy(r => r.Iteration).Select(r => (r.Iteration!.Value, r.Score!.Value)).ToList();
            if (scores.Count > 0) charts.Add(SvgCharts.Iterations(metric, scores, leaderboard.HigherIsBetter));
        }

        // An AutoML run shows its best trial's curves; any other run shows its own.
        IReadOnlyDictionary<string, object> tables = run.BestChild?.Metrics ?? run.Metrics;
        foreach (object value in tables.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value))
        {
            if (MetricShapes.TryRocCurve(value, out IReadOnlyList<RocCurve> curves)) charts.Add(SvgCharts.Roc(curves));
            else if (MetricShapes.TryConfusionMatrix(value, out ConfusionMatrix matrix)) charts.Add(ConfusionMatrixHtml.Render(matrix));
        }

        return string.Concat(charts);
    }

    private static IEnumerable<(string, IReadOnlyDictionary<string, IReadOnlyList<object?>>)> OtherTables(IReadOnlyDictionary<string, object> metrics)
    {
        foreach ((string name, object value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (MetricShapes.TryTable(value, out var table) && !MetricShapes.TryConfusionMatrix(value, out _) && !MetricShapes.TryRocCurve(value, out _))
                yield return (name, table);
        }
    }

    private static string MetricTable(IReadOnlyDictionary<string, IReadOnlyList<object?>> table)
    {
        int rows = table.Values.Select(c => c.Count).DefaultIfEmpty(0).Max();
        string html = Html.Table("azureml-metric-table", table.Keys.ToList(), Enumerable.Range(0, Math.Min(rows, MaxTableRows)).Select(r => (IReadOnlyList<string>)
            table.Values.Select(c => Html.Encode(r < c.Count ? TextFormat.Value(c[r]) : "")).ToList()));
        return rows > MaxTableRows ? html + $"<div class=\"azureml-muted\">first {MaxTableRows} of {rows} rows</div>" : html;
    }

    private static string ChildrenTable(IReadOnlyList<ChildRunSummary> children)
    {
        string[] metricNames = children.SelectMany(c => c.Metrics.Where(m => m.Value is not IEnumerable || m.Value is string).Select(m => m.Key))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(6).ToArray();
        return Html.Table("azureml-children", ["Run", "Name", "Status", "Duration", .. metricNames], children.Select(c => (IReadOnlyList<string>)[
            Html.Code(c.RunId),
            Html.Encode(c.DisplayName ?? ""),
            Html.Badge(c.Status.ToString()),
            Html.Encode(TextFormat.Elapsed(c.StartTimeUtc, c.EndTimeUtc) is { } d ? TextFormat.Duration(d) : ""),
            .. metricNames.Select(n => Html.Encode(c.Metrics.TryGetValue(n, out object? v) ? TextFormat.Value(v) : "")),
        ]));
    }

    private static string Files(IReadOnlyList<string> files)
    {
        string list = string.Join("<br>", files.Take(MaxFiles).Select(Html.Code));
        return files.Count > MaxFiles ? list + $"<div class=\"azureml-muted\">and {files.Count - MaxFiles} more</div>" : list;
    }
}
