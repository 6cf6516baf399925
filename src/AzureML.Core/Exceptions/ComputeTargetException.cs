namespace AzureML.Core;

/// <summary>
/// Raised when a compute target cannot be found, created, changed or deleted. <see cref="AzureMLException.ErrorCode"/>
/// says why (<see cref="AzureMLErrorCode.ResourceNotFound"/>, <see cref="AzureMLErrorCode.InvalidScaleSettings"/>…).
/// </summary>
public class ComputeTargetException : AzureMLException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    public ComputeTargetException(string message) : base(message) { }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ComputeTargetException(string message, Exception? innerException) : base(message, innerException) { }
}
