namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>One user-assigned identity of an <see cref="ArmIdentity"/>.</summary>
internal sealed class ArmUserAssignedIdentity
{
    public string? PrincipalId { get; set; }
    public string? ClientId { get; set; }
}
