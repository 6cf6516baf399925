namespace AzureML.Core.Webservices;

/// <summary>A web service deployed to Azure Container Instances (on a local workspace, a local service).</summary>
public class AciWebservice : Webservice
{
    /// <summary>The CPU cores ACI reserves by default.</summary>
    public const double DefaultCpuCores = 0.1;

    /// <summary>The memory ACI reserves by default, in GB.</summary>
    public const double DefaultMemoryGb = 0.5;

    /// <summary>Gets an existing service.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The service name.</param>
    /// <exception cref="WebserviceException">No service has that name.</exception>
    public AciWebservice(Workspace workspace, string name) : base(workspace, name) { }

    internal AciWebservice(Workspace workspace, Backends.ServiceRecord record) : base(workspace, record) { }

    /// <summary>For mocking.</summary>
    protected AciWebservice() { }

    /// <summary>
    /// Describes an ACI deployment. Defaults as on the service: 0.1 CPU, 0.5 GB, no key authentication.
    /// </summary>
    /// <param name="cpuCores">CPU cores (default 0.1).</param>
    /// <param name="memoryGb">Memory in GB (default 0.5).</param>
    /// <param name="tags">Tags for the service.</param>
    /// <param name="properties">Properties for the service.</param>
    /// <param name="description">A description.</param>
    /// <param name="location">The Azure region.</param>
    /// <param name="authEnabled">Require <c>Authorization: Bearer &lt;key&gt;</c> (default false).</param>
    /// <param name="sslEnabled">Serve over TLS (recorded; local services use plain HTTP on 127.0.0.1).</param>
    /// <param name="enableAppInsights">Send telemetry to Application Insights (recorded).</param>
    /// <param name="dnsNameLabel">The DNS name label (recorded).</param>
    /// <param name="primaryKey">A chosen primary key.</param>
    /// <param name="secondaryKey">A chosen secondary key.</param>
    /// <exception cref="UserErrorException">A resource value is not positive.</exception>
    public static AciServiceDeploymentConfiguration DeployConfiguration(double? cpuCores = null, double? memoryGb = null,
        IReadOnlyDictionary<string, string>? tags = null, IReadOnlyDictionary<string, string>? properties = null, string? description = null,
        string? location = null, bool? authEnabled = null, bool? sslEnabled = null, bool? enableAppInsights = null, string? dnsNameLabel = null,
        string? primaryKey = null, string? secondaryKey = null)
    {
        if (cpuCores is <= 0) throw new UserErrorException($"cpuCores must be greater than 0, got {cpuCores}.");
        if (memoryGb is <= 0) throw new UserErrorException($"memoryGb must be greater than 0, got {memoryGb}.");
        return new AciServiceDeploymentConfiguration
        {
            CpuCores = cpuCores ?? DefaultCpuCores,
            MemoryGb = memoryGb ?? DefaultMemoryGb,
            Tags = tags ?? new Dictionary<string, string>(),
            Properties = properties ?? new Dictionary<string, string>(),
            Description = description,
            Location = location,
            AuthEnabled = authEnabled ?? false,
            SslEnabled = sslEnabled ?? false,
            EnableAppInsights = enableAppInsights ?? false,
            DnsNameLabel = dnsNameLabel,
            PrimaryKey = primaryKey,
            SecondaryKey = secondaryKey,
        };
    }
}
