using Azure.Core;
using Azure.Identity;

namespace AzureML.Core.Authentication;

/// <summary>
/// What the SDK uses when no authentication is given: Azure.Identity's <see cref="DefaultAzureCredential"/>
/// with every interactive, IDE and cache source turned off, so it never prompts. It tries, in order: the
/// <c>AZURE_CLIENT_ID</c>/<c>AZURE_TENANT_ID</c>/<c>AZURE_CLIENT_SECRET</c> (or certificate) environment
/// variables, workload identity, the managed identity of the machine, the Azure CLI (<c>az login</c>), Azure
/// PowerShell and the Azure Developer CLI. The first that yields a token wins; when none does, the error lists
/// why each failed. Choose <see cref="InteractiveLoginAuthentication"/> to sign in with a browser or device code.
/// </summary>
public sealed class DefaultAuthentication : AbstractAuthentication
{
    /// <summary>Creates the default chain.</summary>
    /// <param name="tenantId">The tenant to request tokens from; <c>null</c> for each source's default.</param>
    public DefaultAuthentication(string? tenantId = null) => TenantId = string.IsNullOrEmpty(tenantId) ? null : tenantId;

    /// <summary>The tenant tokens are requested from, or <c>null</c>.</summary>
    public string? TenantId { get; }

    /// <inheritdoc />
    protected override TokenCredential CreateCredential(AzureMLCloud cloud)
        => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            TenantId = TenantId,
            AuthorityHost = cloud.AuthorityHost,
            ExcludeInteractiveBrowserCredential = true,
            ExcludeVisualStudioCredential = true,
            ExcludeVisualStudioCodeCredential = true,
            ExcludeBrokerCredential = true,
        });

    /// <inheritdoc />
    public override string ToString() => "DefaultAuthentication(environment, workload identity, managed identity, Azure CLI, Azure PowerShell, Azure Developer CLI)";
}
