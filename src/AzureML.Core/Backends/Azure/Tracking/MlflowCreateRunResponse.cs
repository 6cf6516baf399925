namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The answer of <c>runs/create</c>.</summary>
internal sealed class MlflowCreateRunResponse
{
    public MlflowRun? Run { get; set; }
}
