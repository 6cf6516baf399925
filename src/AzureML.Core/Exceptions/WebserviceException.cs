namespace AzureML.Core;

/// <summary>
/// Raised for web service failures: a name already taken, a deployment that ended in <c>Failed</c>, a scoring
/// call the service rejected. The message carries the service's own error and, where there is one, the
/// traceback and the tail of its log.
/// </summary>
public class WebserviceException : AzureMLException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public WebserviceException(string message) : base(message) { }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public WebserviceException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The HTTP status of a failed call, when there was one; the same as <see cref="AzureMLException.Status"/>.</summary>
    public int? StatusCode
    {
        get => Status;
        init => Status = value;
    }
}
