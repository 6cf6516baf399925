namespace AzureML.Core;

/// <summary>
/// Error codes the SDK sets in <see cref="AzureMLException.ErrorCode"/> when the service gave none of its own.
/// Service codes (Resource Manager's <c>error.code</c>) are passed through unchanged.
/// </summary>
public static class AzureMLErrorCode
{
    /// <summary>The resource does not exist (HTTP 404).</summary>
    public const string ResourceNotFound = "ResourceNotFound";

    /// <summary>The credential was missing, expired or rejected (HTTP 401).</summary>
    public const string AuthenticationFailed = "AuthenticationFailed";

    /// <summary>The signed-in identity lacks a role on the resource (HTTP 403).</summary>
    public const string AuthorizationFailed = "AuthorizationFailed";

    /// <summary>The resource exists or is being changed by another operation (HTTP 409).</summary>
    public const string Conflict = "Conflict";

    /// <summary>A long-running operation ended in <c>Failed</c>.</summary>
    public const string OperationFailed = "OperationFailed";

    /// <summary>A long-running operation ended in <c>Canceled</c>.</summary>
    public const string OperationCanceled = "OperationCanceled";

    /// <summary>A long-running operation did not finish within the time the service allowed.</summary>
    public const string OperationTimedOut = "OperationTimedOut";

    /// <summary>The service answered with a status or body the SDK does not understand.</summary>
    public const string UnexpectedResponse = "UnexpectedResponse";

    /// <summary>A file transfer to or from blob storage failed.</summary>
    public const string TransferFailed = "TransferFailed";
}
