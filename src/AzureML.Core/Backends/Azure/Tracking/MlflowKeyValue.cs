namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>An MLflow param or tag.</summary>
internal sealed class MlflowKeyValue
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
}
