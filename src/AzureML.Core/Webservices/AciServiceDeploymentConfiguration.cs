namespace AzureML.Core.Webservices;

/// <summary>A deployment to Azure Container Instances (locally: a local service with the same contract).</summary>
public sealed class AciServiceDeploymentConfiguration : WebserviceDeploymentConfiguration
{
    internal AciServiceDeploymentConfiguration(string computeType = "ACI") : base(computeType) { }

    /// <summary>The Azure region.</summary>
    public string? Location { get; init; }

    /// <summary>The DNS name label of the container group.</summary>
    public string? DnsNameLabel { get; init; }

    /// <summary>Whether TLS is on.</summary>
    public bool SslEnabled { get; init; }

    /// <summary>Whether Application Insights is on.</summary>
    public bool EnableAppInsights { get; init; }
}
