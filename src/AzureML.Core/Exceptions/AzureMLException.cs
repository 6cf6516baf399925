namespace AzureML.Core;

/// <summary>
/// The base of every error the SDK raises on purpose. Catch it to handle any SDK failure that is not a
/// plain argument error.
/// </summary>
public class AzureMLException : Exception
{
    /// <summary>Creates an exception with a message that says what went wrong and what to do.</summary>
    /// <param name="message">The message.</param>
    public AzureMLException(string message) : base(message) { }

    /// <summary>Creates an exception that wraps the failure that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public AzureMLException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>
    /// A stable code for the failure: the service's own error code (for example <c>ResourceNotFound</c>) or
    /// one of <see cref="AzureMLErrorCode"/>; <c>null</c> when none applies.
    /// </summary>
    public string? ErrorCode { get; init; }

    /// <summary>The HTTP status of the service response that caused the failure, when there was one.</summary>
    public int? Status { get; init; }
}
