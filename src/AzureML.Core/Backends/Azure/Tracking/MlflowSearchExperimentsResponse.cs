namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The answer of <c>experiments/search</c>: one page.</summary>
internal sealed class MlflowSearchExperimentsResponse
{
    public List<MlflowExperiment>? Experiments { get; set; }
    public string? NextPageToken { get; set; }
}
