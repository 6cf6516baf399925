namespace AzureML.Core.Webservices;

/// <summary>A deployment as a local service on a chosen port.</summary>
public sealed class LocalWebserviceDeploymentConfiguration : WebserviceDeploymentConfiguration
{
    internal LocalWebserviceDeploymentConfiguration(int? port) : base("Local") => Port = port;
}
