namespace AzureML.Core.Onnx;

/// <summary>The kind of an ONNX value, with ONNX Runtime's <c>ONNXType</c> numbering.</summary>
internal enum OnnxValueKind
{
    /// <summary>Not known.</summary>
    Unknown = 0,
    /// <summary>A dense tensor.</summary>
    Tensor = 1,
    /// <summary>A sequence of values of one type.</summary>
    Sequence = 2,
    /// <summary>A map from a scalar key type to a value type.</summary>
    Map = 3,
    /// <summary>An opaque value.</summary>
    Opaque = 4,
    /// <summary>A sparse tensor.</summary>
    SparseTensor = 5,
    /// <summary>An optional value.</summary>
    Optional = 6,
}
