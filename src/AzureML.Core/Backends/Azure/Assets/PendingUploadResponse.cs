namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>The answer of <c>startPendingUpload</c> (<c>PendingUploadResponseDto</c>): a container SAS to upload to.</summary>
internal sealed class PendingUploadResponse
{
    public BlobReferenceForConsumption? BlobReferenceForConsumption { get; set; }
    public string? PendingUploadId { get; set; }
    public string? PendingUploadType { get; set; }
}
