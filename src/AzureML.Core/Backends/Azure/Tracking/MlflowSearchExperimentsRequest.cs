namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>experiments/search</c>.</summary>
internal sealed class MlflowSearchExperimentsRequest
{
    public int MaxResults { get; set; }
    public string? PageToken { get; set; }
    /// <summary><c>ACTIVE_ONLY</c> or <c>ALL</c>.</summary>
    public string ViewType { get; set; } = "ACTIVE_ONLY";
}
