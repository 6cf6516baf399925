namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>OnlineEndpoint</c> properties: auth mode, traffic split and the scoring URI.</summary>
internal sealed class OnlineEndpointProperties
{
    public string? AuthMode { get; set; }
    public string? Description { get; set; }
    public string? PublicNetworkAccess { get; set; }
    public Dictionary<string, int>? Traffic { get; set; }
    public Dictionary<string, int>? MirrorTraffic { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public string? ScoringUri { get; set; }
    public string? SwaggerUri { get; set; }
    public string? ProvisioningState { get; set; }
    public string? Compute { get; set; }
}
