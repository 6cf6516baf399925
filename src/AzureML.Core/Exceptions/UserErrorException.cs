namespace AzureML.Core;

/// <summary>
/// Raised when the caller's input (a configuration file, a name, a path, an argument combination) cannot be
/// used. The message names the offending value and what is allowed.
/// </summary>
public class UserErrorException : AzureMLException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    public UserErrorException(string message) : base(message) { }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    /// <param name="message">What is wrong and what is allowed.</param>
    /// <param name="innerException">The underlying failure.</param>
    public UserErrorException(string message, Exception? innerException) : base(message, innerException) { }
}
