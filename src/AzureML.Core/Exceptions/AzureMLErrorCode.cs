namespace AzureML.Core;

/// <summary>
/// Error codes the SDK sets in <see cref="AzureMLException.ErrorCode"/> when the service gave none of its own.
/// Service codes (Resource Manager's <c>error.code</c>) are passed through unchanged.
/// </summary>
public static class AzureMLErrorCode
{
    /// <summary>
    /// The resource does not exist (HTTP 404 on Azure). Every store of every workspace kind reports a missing
    /// compute target, model, run, service, datastore, dataset or environment with this code.
    /// </summary>
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

    /// <summary>A compute target's node counts or scale-down time are inconsistent.</summary>
    public const string InvalidScaleSettings = "InvalidScaleSettings";

    /// <summary>A compute target's VM priority is neither <c>dedicated</c> nor <c>lowpriority</c>.</summary>
    public const string InvalidVmPriority = "InvalidVmPriority";

    /// <summary>A compute target's name breaks the service's naming rule or is reserved.</summary>
    public const string InvalidComputeName = "InvalidComputeName";

    /// <summary>The operation exists on the service but not on this kind of workspace (for example archiving on Azure).</summary>
    public const string NotSupported = "NotSupported";
}
