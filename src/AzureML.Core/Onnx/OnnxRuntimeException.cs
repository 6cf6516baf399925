using System.Text.RegularExpressions;

namespace AzureML.Core.Onnx;

/// <summary>
/// A failure reported by ONNX Runtime itself. The message is ONNX Runtime's own text (prefixed with what the SDK
/// was doing) so that users see exactly which input, shape or operator the runtime rejected.
/// </summary>
internal sealed partial class OnnxRuntimeException : AzureMLException
{
    /// <summary>Creates the exception from an ONNX Runtime status.</summary>
    /// <param name="errorCode">ONNX Runtime's error code.</param>
    /// <param name="message">ONNX Runtime's message, possibly with context prepended.</param>
    /// <param name="innerException">The runtime's own exception, if any.</param>
    public OnnxRuntimeException(OnnxRuntimeErrorCode errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
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

    /// <summary>
    /// Translates the runtime package's exception. Its code is only in its message (<c>[ErrorCode:InvalidArgument]
    /// text</c>), so the prefix is parsed off; codes the SDK does not tell apart become <see cref="OnnxRuntimeErrorCode.Fail"/>.
    /// </summary>
    /// <param name="exception">What <c>Microsoft.ML.OnnxRuntime</c> threw.</param>
    internal static OnnxRuntimeException From(Microsoft.ML.OnnxRuntime.OnnxRuntimeException exception)
    {
        Match prefix = ErrorCodePrefix().Match(exception.Message);
        if (!prefix.Success)
            return new OnnxRuntimeException(OnnxRuntimeErrorCode.Fail, exception.Message, exception);
        OnnxRuntimeErrorCode code = Enum.TryParse(prefix.Groups[1].Value, out OnnxRuntimeErrorCode parsed) && Enum.IsDefined(parsed)
            ? parsed
            : OnnxRuntimeErrorCode.Fail;
        return new OnnxRuntimeException(code, exception.Message[prefix.Length..], exception);
    }

    [GeneratedRegex(@"^\[ErrorCode:(\w+)\]\s*")]
    private static partial Regex ErrorCodePrefix();
}
