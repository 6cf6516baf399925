namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>The body of MLflow's <c>runs/set-tag</c>.</summary>
internal sealed class MlflowSetTagRequest
{
    public string RunId { get; set; } = "";
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}
