namespace AzureML.Core.Webservices;

/// <summary>A web service running on this machine.</summary>
public class LocalWebservice : Webservice
{
    /// <summary>Gets an existing service.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The service name.</param>
    /// <exception cref="WebserviceException">No service has that name.</exception>
    public LocalWebservice(Workspace workspace, string name) : base(workspace, name) { }

    internal LocalWebservice(Workspace workspace, Backends.ServiceRecord record) : base(workspace, record) { }

    /// <summary>For mocking.</summary>
    protected LocalWebservice() { }

    /// <summary>Describes a local deployment on <paramref name="port"/> (a free port when omitted).</summary>
    /// <param name="port">The port to listen on, on 127.0.0.1.</param>
    /// <exception cref="UserErrorException">The port is outside 1–65535.</exception>
    public static LocalWebserviceDeploymentConfiguration DeployConfiguration(int? port = null)
    {
        if (port is < 1 or > 65535) throw new UserErrorException($"port must be between 1 and 65535, got {port}.");
        return new LocalWebserviceDeploymentConfiguration(port);
    }
}
