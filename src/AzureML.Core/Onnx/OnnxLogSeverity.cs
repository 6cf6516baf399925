namespace AzureML.Core.Onnx;

/// <summary>The severity of ONNX Runtime log messages (the runtime's <c>OrtLoggingLevel</c> values).</summary>
internal enum OnnxLogSeverity
{
    /// <summary>Everything, for debugging the runtime.</summary>
    Verbose = 0,
    /// <summary>Informational messages and above.</summary>
    Info = 1,
    /// <summary>Warnings and above.</summary>
    Warning = 2,
    /// <summary>Errors and above.</summary>
    Error = 3,
    /// <summary>Only fatal errors.</summary>
    Fatal = 4,
}
