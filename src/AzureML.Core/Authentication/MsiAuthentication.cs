using Azure.Core;
using Azure.Identity;

namespace AzureML.Core.Authentication;

/// <summary>
/// Signs in with the managed identity of the Azure resource the code runs on (a VM, a compute cluster
/// node, an App Service…), as azureml-core's <c>MsiAuthentication</c> does.
/// </summary>
public sealed class MsiAuthentication : AbstractAuthentication
{
    /// <summary>Uses the system-assigned identity, or the user-assigned identity with <paramref name="clientId"/>.</summary>
    /// <param name="clientId">The client id of a user-assigned identity; <c>null</c> for the system-assigned one.</param>
    public MsiAuthentication(string? clientId = null) => ClientId = string.IsNullOrEmpty(clientId) ? null : clientId;

    /// <summary>The client id of the user-assigned identity, or <c>null</c> for the system-assigned one.</summary>
    public string? ClientId { get; }

    /// <inheritdoc />
    protected override TokenCredential CreateCredential(AzureMLCloud cloud)
        => new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(
            ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId))
        {
            AuthorityHost = cloud.AuthorityHost,
        });

    /// <inheritdoc />
    public override string ToString() => ClientId is null ? "MsiAuthentication(system-assigned)" : $"MsiAuthentication(clientId={ClientId})";
}
