namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>A managed identity block: <c>{"type","principalId","tenantId","userAssignedIdentities"}</c>.</summary>
internal sealed class ArmIdentity
{
    public string? Type { get; set; }
    public string? PrincipalId { get; set; }
    public string? TenantId { get; set; }
    public Dictionary<string, ArmUserAssignedIdentity>? UserAssignedIdentities { get; set; }
}
