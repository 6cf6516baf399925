namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>runs/search</c>; the filter is MLflow's search syntax.</summary>
internal sealed class MlflowSearchRunsRequest
{
    public List<string> ExperimentIds { get; set; } = new();
    public string? Filter { get; set; }
    public int MaxResults { get; set; }
    public List<string>? OrderBy { get; set; }
    public string? PageToken { get; set; }
}
