namespace AzureML.Core.Onnx;

/// <summary>The kinds of node attribute the writer supports, numbered as onnx.proto's <c>AttributeProto.AttributeType</c>.</summary>
internal enum OnnxAttributeKind
{
    /// <summary>One float.</summary>
    Float = 1,
    /// <summary>One int64.</summary>
    Int = 2,
    /// <summary>One string.</summary>
    String = 3,
    /// <summary>One tensor.</summary>
    Tensor = 4,
    /// <summary>A list of floats.</summary>
    Floats = 6,
    /// <summary>A list of int64s.</summary>
    Ints = 7,
    /// <summary>A list of strings.</summary>
    Strings = 8,
}
