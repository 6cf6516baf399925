namespace AzureML.Core.Onnx;

/// <summary>
/// The element type of a tensor. Values 0–23 are identical in ONNX Runtime's <c>ONNXTensorElementDataType</c> and in
/// onnx.proto's <c>TensorProto.DataType</c>, so values convert by number in both directions. Codes from 24 on differ
/// between the two and are deliberately not listed.
/// </summary>
internal enum OnnxElementType
{
    /// <summary>Not a tensor, or not known.</summary>
    Undefined = 0,
    /// <summary>32-bit IEEE float.</summary>
    Float = 1,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,
    /// <summary>UTF-8 string.</summary>
    String = 8,
    /// <summary>Boolean, one byte per element.</summary>
    Bool = 9,
    /// <summary>16-bit IEEE float.</summary>
    Float16 = 10,
    /// <summary>64-bit IEEE float.</summary>
    Double = 11,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,
    /// <summary>Complex of two floats.</summary>
    Complex64 = 14,
    /// <summary>Complex of two doubles.</summary>
    Complex128 = 15,
    /// <summary>Brain float 16.</summary>
    BFloat16 = 16,
    /// <summary>8-bit float E4M3FN.</summary>
    Float8E4M3FN = 17,
    /// <summary>8-bit float E4M3FNUZ.</summary>
    Float8E4M3FNUZ = 18,
    /// <summary>8-bit float E5M2.</summary>
    Float8E5M2 = 19,
    /// <summary>8-bit float E5M2FNUZ.</summary>
    Float8E5M2FNUZ = 20,
    /// <summary>Unsigned 4-bit integer.</summary>
    UInt4 = 21,
    /// <summary>Signed 4-bit integer.</summary>
    Int4 = 22,
    /// <summary>4-bit float E2M1.</summary>
    Float4E2M1 = 23,
}
