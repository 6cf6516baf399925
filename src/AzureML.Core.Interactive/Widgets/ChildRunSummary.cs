using AzureML.Core;
using CoreRunDetails = AzureML.Core.RunDetails;

namespace AzureML.Widgets;

/// <summary>What the widgets show of one child run.</summary>
/// <param name="RunId">The child's run id.</param>
/// <param name="Number">Its sequence number in the experiment.</param>
/// <param name="DisplayName">Its display name, when one was set.</param>
/// <param name="Status">Its status when read.</param>
/// <param name="StartTimeUtc">When it started.</param>
/// <param name="EndTimeUtc">When it ended.</param>
/// <param name="Properties">Its properties (AutoML trials carry <c>run_algorithm</c>, <c>run_preprocessor</c>, <c>iteration</c>).</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Metrics">Its metrics, as <see cref="Run.GetMetrics"/> returns them.</param>
internal sealed record ChildRunSummary(
    string RunId,
    long Number,
    string? DisplayName,
    RunStatus Status,
    DateTimeOffset? StartTimeUtc,
    DateTimeOffset? EndTimeUtc,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, object> Metrics)
{
    /// <summary>Reads a child run's details and metrics.</summary>
    public static async Task<ChildRunSummary> ReadAsync(Run child, CancellationToken cancellationToken)
    {
        CoreRunDetails details = await child.GetDetailsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, object> metrics = await child.GetMetricsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ChildRunSummary(child.Id, child.Number, child.DisplayName, details.Status, details.StartTimeUtc, details.EndTimeUtc,
            details.Properties, details.Tags, metrics);
    }

    /// <summary>A property, or else a tag, of that name.</summary>
    public string? PropertyOrTag(string name) => Properties.TryGetValue(name, out string? value) || Tags.TryGetValue(name, out value) ? value : null;
}
