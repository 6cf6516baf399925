namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The answer of MLflow's <c>runs/get</c>.</summary>
internal sealed class MlflowGetRunResponse
{
    public MlflowRun? Run { get; set; }
}
