namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>An MLflow run: info and data.</summary>
internal sealed class MlflowRun
{
    public MlflowRunInfo? Info { get; set; }
    public MlflowRunData? Data { get; set; }
}
