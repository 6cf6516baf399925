namespace AzureML.Core.Onnx;

/// <summary>
/// Raised when the ONNX Runtime native library cannot be found, loaded or trusted (wrong version). The message
/// says where the SDK looked and how to get the library.
/// </summary>
internal sealed class OnnxRuntimeUnavailableException : AzureMLException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and what to do.</param>
    /// <param name="innerException">The loader failure, if any.</param>
    public OnnxRuntimeUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException) { }
}
