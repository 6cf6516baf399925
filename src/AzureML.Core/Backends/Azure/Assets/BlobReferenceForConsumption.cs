namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>Where a pending upload goes: the blob URI and the credential (a SAS, never logged).</summary>
internal sealed class BlobReferenceForConsumption
{
    public string? BlobUri { get; set; }
    public string? StorageAccountArmId { get; set; }
    public PendingUploadCredential? Credential { get; set; }
}
