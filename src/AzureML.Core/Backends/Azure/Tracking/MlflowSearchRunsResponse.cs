namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The answer of <c>runs/search</c>: one page.</summary>
internal sealed class MlflowSearchRunsResponse
{
    public List<MlflowRun>? Runs { get; set; }
    public string? NextPageToken { get; set; }
}
