namespace AzureML.Core.Onnx;

/// <summary>
/// Raised when ONNX Runtime's native library cannot be loaded into this process. The message says which package
/// brings it.
/// </summary>
internal sealed class OnnxRuntimeUnavailableException : AzureMLException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and what to do.</param>
    /// <param name="innerException">The loader failure, if any.</param>
    public OnnxRuntimeUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException) { }
}
