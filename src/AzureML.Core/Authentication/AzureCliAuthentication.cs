using Azure.Core;
using Azure.Identity;

namespace AzureML.Core.Authentication;

/// <summary>
/// Signs in as the account the Azure CLI is logged in with (<c>az login</c>), as azureml-core's
/// <c>AzureCliAuthentication</c> does. The CLI must be on <c>PATH</c>.
/// </summary>
public sealed class AzureCliAuthentication : AbstractAuthentication
{
    /// <summary>Uses the CLI's current account, optionally in another tenant.</summary>
    /// <param name="tenantId">A tenant to request tokens from; <c>null</c> for the CLI's default.</param>
    public AzureCliAuthentication(string? tenantId = null) => TenantId = string.IsNullOrEmpty(tenantId) ? null : tenantId;

    /// <summary>The tenant tokens are requested from, or <c>null</c> for the CLI's default.</summary>
    public string? TenantId { get; }

    /// <inheritdoc />
    protected override TokenCredential CreateCredential(AzureMLCloud cloud)
        => new AzureCliCredential(new AzureCliCredentialOptions { TenantId = TenantId, AuthorityHost = cloud.AuthorityHost });

    /// <inheritdoc />
    public override string ToString() => TenantId is null ? "AzureCliAuthentication()" : $"AzureCliAuthentication(tenantId={TenantId})";
}
