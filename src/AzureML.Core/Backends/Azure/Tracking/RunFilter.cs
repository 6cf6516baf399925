namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// The part of a <see cref="RunQuery"/> MLflow's search filter can say (status, tags, params, parent), so the service
/// does the filtering; the caller still checks every record, which keeps anything left out here correct.
/// </summary>
internal static class RunFilter
{
    /// <summary>The filter, or <c>null</c> when nothing can be said on the service.</summary>
    public static string? For(RunQuery query)
    {
        var clauses = new List<string>();
        if (query.Status is { } status && MlflowStatus(status) is { } mlflow) clauses.Add($"attributes.status = '{mlflow}'");
        if (query.ParentRunId is { } parent && Quotable(parent)) clauses.Add($"tags.`{MlflowRunConverter.ParentRunTag}` = '{parent}'");
        foreach ((string key, string? value) in query.Tags ?? new Dictionary<string, string?>())
        {
            if (value is not null && Quotable(key) && Quotable(value)) clauses.Add($"tags.`{key}` = '{value}'");
        }

        foreach ((string key, string? value) in query.Properties ?? new Dictionary<string, string?>())
        {
            if (value is not null && Quotable(key) && Quotable(value)) clauses.Add($"params.`{key}` = '{value}'");
        }

        return clauses.Count == 0 ? null : string.Join(" AND ", clauses);
    }

    // MLflow's filter grammar has no escape for quotes: such values are filtered here only.
    private static bool Quotable(string value) => !value.Contains('\'') && !value.Contains('`');

    private static string? MlflowStatus(string status) => status switch
    {
        "Running" => "RUNNING",
        "Queued" => "SCHEDULED",
        "Completed" => "FINISHED",
        "Failed" => "FAILED",
        "Canceled" => "KILLED",
        _ => null,
    };
}
