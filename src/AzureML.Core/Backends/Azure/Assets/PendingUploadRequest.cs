namespace AzureML.Core.Backends.Azure.Assets;

/// <summary>The body of <c>startPendingUpload</c> (<c>PendingUploadRequestDto</c>).</summary>
internal sealed class PendingUploadRequest
{
    public string? PendingUploadId { get; set; }
    public string? PendingUploadType { get; set; }
}
