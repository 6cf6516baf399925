namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of <c>experiments/create</c>.</summary>
internal sealed class MlflowCreateExperimentRequest
{
    public string Name { get; set; } = "";
}
