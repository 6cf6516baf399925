using Azure.Core;
using Azure.Identity;
using AzureML.Core.Internal;

namespace AzureML.Core.Authentication;

/// <summary>
/// Signs in as a service principal with its client secret, as azureml-core's
/// <c>ServicePrincipalAuthentication(tenant_id, service_principal_id, service_principal_password)</c> does;
/// for automation and CI.
/// </summary>
public sealed class ServicePrincipalAuthentication : AbstractAuthentication
{
    private readonly string _secret;

    /// <summary>Creates the authentication.</summary>
    /// <param name="tenantId">The Microsoft Entra tenant (directory) id.</param>
    /// <param name="servicePrincipalId">The application (client) id.</param>
    /// <param name="servicePrincipalPassword">The client secret; kept in memory only, never logged or printed.</param>
    public ServicePrincipalAuthentication(string tenantId, string servicePrincipalId, string servicePrincipalPassword)
    {
        TenantId = Argument.NotNullOrEmpty(tenantId, nameof(tenantId));
        ServicePrincipalId = Argument.NotNullOrEmpty(servicePrincipalId, nameof(servicePrincipalId));
        _secret = Argument.NotNullOrEmpty(servicePrincipalPassword, nameof(servicePrincipalPassword));
    }

    /// <summary>The tenant id.</summary>
    public string TenantId { get; }

    /// <summary>The application (client) id.</summary>
    public string ServicePrincipalId { get; }

    /// <inheritdoc />
    protected override TokenCredential CreateCredential(AzureMLCloud cloud)
        => new ClientSecretCredential(TenantId, ServicePrincipalId, _secret, new ClientSecretCredentialOptions { AuthorityHost = cloud.AuthorityHost });

    /// <inheritdoc />
    public override string ToString() => $"ServicePrincipalAuthentication(tenantId={TenantId}, servicePrincipalId={ServicePrincipalId})";
}
