namespace AzureML.Core.Onnx;

/// <summary>ONNX Runtime's error codes (<c>OrtErrorCode</c>, same numbers) that the SDK tells apart.</summary>
internal enum OnnxRuntimeErrorCode
{
    /// <summary>No error.</summary>
    Ok = 0,
    /// <summary>Generic failure (for example an IR version newer than the runtime supports).</summary>
    Fail = 1,
    /// <summary>An argument was rejected: wrong input name, shape or element type.</summary>
    InvalidArgument = 2,
    /// <summary>The model file does not exist.</summary>
    NoSuchFile = 3,
    /// <summary>No model was loaded.</summary>
    NoModel = 4,
    /// <summary>An execution engine error.</summary>
    EngineError = 5,
    /// <summary>An exception thrown while running the model.</summary>
    RuntimeException = 6,
    /// <summary>The model bytes are not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,
    /// <summary>The model is already loaded.</summary>
    ModelLoaded = 8,
    /// <summary>An operator or type is not implemented.</summary>
    NotImplemented = 9,
    /// <summary>The graph is invalid (for example a deprecated or unknown operator).</summary>
    InvalidGraph = 10,
}
