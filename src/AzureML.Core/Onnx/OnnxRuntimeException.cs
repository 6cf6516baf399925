namespace AzureML.Core.Onnx;

/// <summary>
/// A failure reported by ONNX Runtime itself. The message is ONNX Runtime's own text (prefixed with what the SDK
/// was doing) so that users see exactly which input, shape or operator the runtime rejected.
/// </summary>
internal sealed class OnnxRuntimeException : AzureMLException
{
    /// <summary>Creates the exception from an ONNX Runtime status.</summary>
    /// <param name="errorCode">ONNX Runtime's error code.</param>
    /// <param name="message">ONNX Runtime's message, possibly with context prepended.</param>
    public OnnxRuntimeException(OnnxRuntimeErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        base.ErrorCode = errorCode.ToString();
    }

    /// <summary>Creates the exception with added context around an earlier ONNX Runtime failure.</summary>
    /// <param name="context">What the SDK was doing, for example "Could not load ONNX model 'm.onnx'".</param>
    /// <param name="inner">The failure reported by ONNX Runtime.</param>
    public OnnxRuntimeException(string context, OnnxRuntimeException inner)
        : base(context + ": " + inner.Message, inner)
    {
        ErrorCode = inner.ErrorCode;
        base.ErrorCode = inner.ErrorCode.ToString();
    }

    /// <summary>ONNX Runtime's error code (also in <see cref="AzureMLException.ErrorCode"/> as its name).</summary>
    public new OnnxRuntimeErrorCode ErrorCode { get; }
}
