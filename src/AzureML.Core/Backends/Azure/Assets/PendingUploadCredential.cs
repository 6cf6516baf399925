namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>PendingUploadCredentialDto</c>: <c>credentialType</c> <c>SAS</c> and the container <c>sasUri</c>.</summary>
internal sealed class PendingUploadCredential
{
    public string? CredentialType { get; set; }
    public string? SasUri { get; set; }
}
