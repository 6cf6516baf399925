using AzureML.Widgets;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>An AutoML leaderboard as a table, best trial first and in bold.</summary>
internal static class LeaderboardHtml
{
    public static string Render(Leaderboard leaderboard)
        => Html.View("leaderboard", Html.Heading($"AutoML run {leaderboard.RunId}", leaderboard.PrimaryMetric is { } m ? $"ranked by {m}" : null) + Table(leaderboard));

    public static string Table(Leaderboard leaderboard)
        => Html.Table("azureml-leaderboard", ["Rank", "Iteration", "Algorithm", "Preprocessor", "Status", leaderboard.PrimaryMetric ?? "Score", "Duration", "Run"],
            leaderboard.Rows.Select(r => (IReadOnlyList<string>)[
                r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Html.Encode(r.Iteration?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Html.Encode(r.Algorithm) + (r.IsBest ? " <span class=\"azureml-badge azureml-good\">best</span>" : ""),
                Html.Encode(r.Preprocessor),
                Html.Badge(r.Status.ToString()),
                Html.Encode(r.Score is { } s ? TextFormat.Value(s) : ""),
                Html.Encode(r.Duration is { } d ? TextFormat.Duration(d) : ""),
                Html.Code(r.RunId),
            ]),
            i => leaderboard.Rows[i].IsBest ? "azureml-best" : null);
}
