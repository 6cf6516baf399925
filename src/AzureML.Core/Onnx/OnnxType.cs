using System.Collections.Immutable;
using System.Text;

namespace AzureML.Core.Onnx;

/// <summary>
/// The declared type of a model input or output, as read from a loaded model: a tensor (element type and shape), a
/// sequence, or a map.
/// </summary>
internal sealed class OnnxType
{
    private OnnxType(OnnxValueKind kind, OnnxElementType elementType, ImmutableArray<OnnxDimension>? shape,
        OnnxElementType keyType, OnnxType? valueType)
    {
        Kind = kind;
        ElementType = elementType;
        Shape = shape;
        KeyType = keyType;
        ValueType = valueType;
    }

    /// <summary>Tensor, sequence or map.</summary>
    public OnnxValueKind Kind { get; }

    /// <summary>The element type of a tensor; <see cref="OnnxElementType.Undefined"/> otherwise.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>A tensor's dimensions, or <see langword="null"/> when the rank itself is unknown.</summary>
    public ImmutableArray<OnnxDimension>? Shape { get; }

    /// <summary>A map's key type (int64 or string); <see cref="OnnxElementType.Undefined"/> otherwise.</summary>
    public OnnxElementType KeyType { get; }

    /// <summary>A map's value type or a sequence's element type; <see langword="null"/> for tensors.</summary>
    public OnnxType? ValueType { get; }

    /// <summary>A tensor type with the given dimensions (none for a scalar).</summary>
    /// <param name="elementType">The element type.</param>
    /// <param name="shape">The dimensions.</param>
    public static OnnxType Tensor(OnnxElementType elementType, params ReadOnlySpan<OnnxDimension> shape) =>
        new(OnnxValueKind.Tensor, elementType, ImmutableArray.Create(shape), OnnxElementType.Undefined, null);

    /// <summary>A sequence type.</summary>
    /// <param name="elementType">The type of each element.</param>
    public static OnnxType Sequence(OnnxType elementType) =>
        new(OnnxValueKind.Sequence, OnnxElementType.Undefined, null, OnnxElementType.Undefined, elementType);

    /// <summary>A map type.</summary>
    /// <param name="keyType">The key type, int64 or string.</param>
    /// <param name="valueType">The value type.</param>
    public static OnnxType Map(OnnxElementType keyType, OnnxType valueType) =>
        new(OnnxValueKind.Map, OnnxElementType.Undefined, null, keyType, valueType);

    /// <summary>An unknown or unsupported type (opaque, sparse, optional).</summary>
    /// <param name="kind">The kind reported by the runtime.</param>
    public static OnnxType Other(OnnxValueKind kind) =>
        new(kind, OnnxElementType.Undefined, null, OnnxElementType.Undefined, null);

    /// <summary>ONNX's notation, for example <c>tensor(float)[N,3]</c> or <c>seq(map(int64,tensor(float)))</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        switch (Kind)
        {
            case OnnxValueKind.Tensor:
                text.Append("tensor(").Append(ElementName(ElementType)).Append(')');
                if (Shape is { } shape)
                    text.Append('[').AppendJoin(',', shape).Append(']');
                break;
            case OnnxValueKind.Sequence:
                text.Append("seq(");
                ValueType?.Append(text);
                text.Append(')');
                break;
            case OnnxValueKind.Map:
                text.Append("map(").Append(ElementName(KeyType)).Append(',');
                ValueType?.Append(text);
                text.Append(')');
                break;
            default:
                text.Append(Kind.ToString().ToLowerInvariant());
                break;
        }
    }

    /// <summary>ONNX's lower-case name of an element type (<c>float</c>, <c>int64</c>, <c>string</c>…).</summary>
    /// <param name="type">The element type.</param>
    public static string ElementName(OnnxElementType type) => type switch
    {
        OnnxElementType.Float16 => "float16",
        OnnxElementType.BFloat16 => "bfloat16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
