namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>ManagedOnlineDeployment</c> properties: model, code, environment, instance type and probes.</summary>
internal sealed class OnlineDeploymentProperties
{
    public string? EndpointComputeType { get; set; }
    public string? Model { get; set; }
    public CodeConfiguration? CodeConfiguration { get; set; }
    public string? EnvironmentId { get; set; }
    public string? InstanceType { get; set; }
    public DeploymentScaleSettings? ScaleSettings { get; set; }
    public RequestSettings? RequestSettings { get; set; }
    public ProbeSettings? LivenessProbe { get; set; }
    public ProbeSettings? ReadinessProbe { get; set; }
    public Dictionary<string, string?>? EnvironmentVariables { get; set; }
    public bool? AppInsightsEnabled { get; set; }
    public string? EgressPublicNetworkAccess { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public string? ProvisioningState { get; set; }
}
