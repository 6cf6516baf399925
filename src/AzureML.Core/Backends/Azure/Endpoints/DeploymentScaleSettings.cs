namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>OnlineScaleSettings</c>: <c>Default</c> or <c>TargetUtilization</c>.</summary>
internal sealed class DeploymentScaleSettings
{
    public string? ScaleType { get; set; }
    public int? MinInstances { get; set; }
    public int? MaxInstances { get; set; }
    public string? PollingInterval { get; set; }
    public int? TargetUtilizationPercentage { get; set; }
}
