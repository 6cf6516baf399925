using AzureML.Core;
using CoreRunDetails = AzureML.Core.RunDetails;

namespace AzureML.Widgets;

/// <summary>Everything a run view shows, read at one moment through the run's public API.</summary>
internal sealed class RunSnapshot
{
    public required string RunId { get; init; }
    public required string ExperimentName { get; init; }
    public required long Number { get; init; }
    public string? DisplayName { get; init; }
    public required string Type { get; init; }
    public required CoreRunDetails Details { get; init; }
    public required IReadOnlyDictionary<string, object> Metrics { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required IReadOnlyList<ChildRunSummary> Children { get; init; }

    /// <summary>The ranking of the trials when the run is an AutoML run.</summary>
    public Leaderboard? Leaderboard { get; init; }

    /// <summary>The best trial's metrics (its confusion matrix and ROC curve), when there is a best trial.</summary>
    public ChildRunSummary? BestChild { get; init; }

    /// <summary>The last lines of the run's output, when they were streamed (RunDetails only).</summary>
    public IReadOnlyList<string>? LogTail { get; init; }

    /// <summary>When the run was read, shown under a live display so a reader sees it refresh.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    public RunStatus Status => Details.Status;

    public static async Task<RunSnapshot> ReadAsync(Run run, IReadOnlyList<string>? logTail, CancellationToken cancellationToken)
    {
        CoreRunDetails details = await run.GetDetailsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, object> metrics = await run.GetMetricsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> files = await run.GetFileNamesAsync(cancellationToken).ConfigureAwait(false);
        var children = new List<ChildRunSummary>();
        foreach (Run child in await run.GetChildrenAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            children.Add(await ChildRunSummary.ReadAsync(child, cancellationToken).ConfigureAwait(false));
        Leaderboard? leaderboard = Leaderboard.IsAutoML(run.Type, details.Properties) ? Leaderboard.From(run.Id, details.Properties, details.Tags, children) : null;
        string? bestId = leaderboard?.Best?.RunId;
        return new RunSnapshot
        {
            RunId = run.Id,
            ExperimentName = run.Experiment.Name,
            Number = run.Number,
            DisplayName = run.DisplayName,
            Type = run.Type,
            Details = details,
            Metrics = metrics,
            Files = files,
            Children = children,
            Leaderboard = leaderboard,
            BestChild = children.FirstOrDefault(c => c.RunId == bestId),
            LogTail = logTail,
            ReadAt = DateTimeOffset.UtcNow,
        };
    }
}
