using System.Globalization;
using AzureML.Core;
using AzureML.Core.Interactive.Charts;
using AzureML.Core.Interactive.Formatting;
using CoreRunDetails = AzureML.Core.RunDetails;

namespace AzureML.Widgets;

/// <summary>
/// The trials of an AutoML run ranked by its primary metric, built only from what any run exposes: the parent's
/// <c>primary_metric</c> and <c>automl_best_child_run_id</c> (a property or a tag), and each child's <c>run_algorithm</c>,
/// <c>run_preprocessor</c>, <c>iteration</c>, status, times and metrics. Prints as an aligned table; notebooks show it
/// as an HTML table with the best trial in bold.
/// </summary>
public sealed class Leaderboard
{
    private Leaderboard(string runId, string? primaryMetric, bool higherIsBetter, IReadOnlyList<LeaderboardRow> rows)
    {
        RunId = runId;
        PrimaryMetric = primaryMetric;
        HigherIsBetter = higherIsBetter;
        Rows = rows;
    }

    /// <summary>The AutoML (parent) run.</summary>
    public string RunId { get; }

    /// <summary>The metric trials are ranked by; null when the run names none.</summary>
    public string? PrimaryMetric { get; }

    /// <summary>False for errors and losses, which are better when smaller.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>The trials, best first.</summary>
    public IReadOnlyList<LeaderboardRow> Rows { get; }

    /// <summary>The best trial, or null before any trial has a score.</summary>
    public LeaderboardRow? Best => Rows.FirstOrDefault(r => r.IsBest) ?? Rows.FirstOrDefault(r => r.Score is not null);

    /// <summary>True when <paramref name="run"/> looks like an AutoML parent run: AutoML's run type or a primary metric property.</summary>
    /// <param name="run">Any run.</param>
    public static bool IsAutoMLRun(Run run) => IsAutoML(ArgumentNullGuard(run).Type, run.Properties);

    /// <summary>Reads the leaderboard of an AutoML run as it is now.</summary>
    /// <param name="run">The AutoML (parent) run.</param>
    public static Leaderboard Of(Run run) => OfAsync(run).GetAwaiter().GetResult();

    /// <inheritdoc cref="Of"/>
    /// <param name="run">The AutoML (parent) run.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<Leaderboard> OfAsync(Run run, CancellationToken cancellationToken = default)
    {
        ArgumentNullGuard(run);
        CoreRunDetails details = await run.GetDetailsAsync(cancellationToken).ConfigureAwait(false);
        var children = new List<ChildRunSummary>();
        foreach (Run child in await run.GetChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            children.Add(await ChildRunSummary.ReadAsync(child, cancellationToken).ConfigureAwait(false));
        return From(run.Id, details.Properties, details.Tags, children);
    }

    internal static bool IsAutoML(string runType, IReadOnlyDictionary<string, string> properties)
        => string.Equals(runType, "automl", StringComparison.OrdinalIgnoreCase) || properties.ContainsKey("primary_metric");

    internal static Leaderboard From(string runId, IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, string> tags,
        IReadOnlyList<ChildRunSummary> children)
    {
        string? metric = properties.GetValueOrDefault("primary_metric") ?? tags.GetValueOrDefault("primary_metric");
        bool higherIsBetter = metric is null || !(metric.Contains("error", StringComparison.OrdinalIgnoreCase) || metric.Contains("loss", StringComparison.OrdinalIgnoreCase));
        string? bestId = properties.GetValueOrDefault("automl_best_child_run_id") ?? tags.GetValueOrDefault("automl_best_child_run_id");
        var trials = children
            .Where(c => !c.RunId.EndsWith("_setup", StringComparison.Ordinal))
            .Select(c => (Child: c, Score: metric is not null && c.Metrics.TryGetValue(metric, out object? value) && MetricShapes.TryNumber(value, out double score) ? score : (double?)null))
            .ToList();
        if (bestId is null)
        {
            var scored = trials.Where(t => t.Score is not null && t.Child.Status == RunStatus.Completed).ToList();
            if (scored.Count > 0) bestId = (higherIsBetter ? scored.MaxBy(t => t.Score) : scored.MinBy(t => t.Score)).Child.RunId;
        }

        var ordered = trials
            .OrderBy(t => t.Score is null)
            .ThenBy(t => t.Score is { } s ? (higherIsBetter ? -s : s) : 0)
            .ThenBy(t => t.Child.Number)
            .ToList();
        var rows = ordered.Select((t, i) => new LeaderboardRow(
                i + 1,
                IterationOf(t.Child),
                t.Child.RunId,
                t.Child.PropertyOrTag("run_algorithm") ?? t.Child.DisplayName ?? t.Child.RunId,
                t.Child.PropertyOrTag("run_preprocessor"),
                t.Child.Status,
                t.Score,
                TextFormat.Elapsed(t.Child.StartTimeUtc, t.Child.EndTimeUtc),
                t.Child.RunId == bestId))
            .ToList();
        return new Leaderboard(runId, metric, higherIsBetter, rows);
    }

    private static int? IterationOf(ChildRunSummary child)
    {
        string? text = child.PropertyOrTag("iteration") ?? child.RunId[(child.RunId.LastIndexOf('_') + 1)..];
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int iteration) ? iteration : null;
    }

    private static Run ArgumentNullGuard(Run run) => run ?? throw new ArgumentNullException(nameof(run));

    /// <summary>The trials as an aligned text table, best first.</summary>
    public override string ToString() => PlainText.Table(
        ["RANK", "ITER", "ALGORITHM", "PREPROCESSOR", "STATUS", PrimaryMetric ?? "SCORE", "DURATION", ""],
        Rows.Select(r => (IReadOnlyList<string>)[
            r.Rank.ToString(CultureInfo.InvariantCulture),
            r.Iteration?.ToString(CultureInfo.InvariantCulture) ?? "",
            r.Algorithm,
            r.Preprocessor ?? "",
            r.Status.ToString(),
            r.Score is { } s ? TextFormat.Value(s) : "",
            r.Duration is { } d ? TextFormat.Duration(d) : "",
            r.IsBest ? "best" : "",
        ]).ToList());
}
