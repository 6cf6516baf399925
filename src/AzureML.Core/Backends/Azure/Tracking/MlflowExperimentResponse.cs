namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>experiments/get-by-name</c>.</summary>
internal sealed class MlflowExperimentResponse
{
    public MlflowExperiment? Experiment { get; set; }
}
