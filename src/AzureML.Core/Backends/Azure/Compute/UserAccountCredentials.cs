namespace AzureML.Core.Backends.Azure.Compute;

/// <summary>The administrator account of cluster nodes; the password is write-only in the service.</summary>
internal sealed class UserAccountCredentials
{
    public string? AdminUserName { get; set; }
    public string? AdminUserSshPublicKey { get; set; }
    public string? AdminUserPassword { get; set; }
}
