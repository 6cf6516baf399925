using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// A dense tensor held in a managed array: element type, shape and the elements in row-major order. Supported
/// element types are float, double, int64, int32, bool and string. The array is used as is (no copy) both when the
/// tensor is created and when it is passed to the runtime, so callers must not change it while a run is in flight.
/// </summary>
internal sealed class OnnxTensor : OnnxValue
{
    private readonly long[] _shape;

    private OnnxTensor(OnnxElementType elementType, Array data, long[] shape)
    {
        ElementType = elementType;
        Data = data;
        _shape = shape;
    }

    /// <inheritdoc />
    public override OnnxValueKind Kind => OnnxValueKind.Tensor;

    /// <summary>The element type.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>The dimensions; empty for a scalar.</summary>
    public ImmutableArray<long> Shape => ImmutableCollectionsMarshal.AsImmutableArray(_shape);

    /// <summary>The elements in row-major order: a <c>float[]</c>, <c>double[]</c>, <c>long[]</c>, <c>int[]</c>, <c>bool[]</c> or <c>string[]</c>.</summary>
    public Array Data { get; }

    /// <summary>The number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>The shape array itself, for handing to the runtime (never exposed for writing).</summary>
    internal long[] ShapeArray => _shape;

    /// <summary>Creates a tensor over <paramref name="data"/> without copying it.</summary>
    /// <typeparam name="T">float, double, long, int, bool or string.</typeparam>
    /// <param name="data">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; their product must equal the number of elements.</param>
    /// <exception cref="ArgumentException">The element type is not supported, the shape does not match, or a string is null.</exception>
    public static OnnxTensor Create<T>(T[] data, params ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        OnnxElementType type = ElementTypeOf<T>();
        long count = 1;
        foreach (long dim in shape)
        {
            if (dim < 0)
                throw new ArgumentException($"Tensor dimensions must be zero or more; got [{string.Join(",", shape.ToArray())}].", nameof(shape));
            count *= dim;
        }
        if (count != data.Length)
            throw new ArgumentException(
                $"A tensor of shape [{string.Join(",", shape.ToArray())}] has {count} elements, but {data.Length} were given.", nameof(data));
        if (data is string?[] strings && Array.IndexOf(strings, null) is var at and >= 0)
            throw new ArgumentException($"String tensors cannot hold null (element {at}).", nameof(data));
        return new OnnxTensor(type, data, shape.ToArray());
    }

    /// <summary>Creates a one-dimensional tensor over <paramref name="data"/>.</summary>
    /// <typeparam name="T">float, double, long, int, bool or string.</typeparam>
    /// <param name="data">The elements.</param>
    public static OnnxTensor Vector<T>(T[] data) => Create(data, data.Length);

    /// <summary>The elements as a typed array (the tensor's own array, not a copy).</summary>
    /// <typeparam name="T">The element type the tensor holds.</typeparam>
    /// <exception cref="InvalidOperationException">The tensor holds another element type.</exception>
    public T[] GetData<T>() => Data as T[] ?? throw new InvalidOperationException(
        $"This tensor holds {OnnxType.ElementName(ElementType)} elements, not {typeof(T).Name}.");

    /// <summary>The element type for a CLR type, or an error naming the supported ones.</summary>
    /// <typeparam name="T">The CLR element type.</typeparam>
    internal static OnnxElementType ElementTypeOf<T>()
    {
        if (typeof(T) == typeof(float)) return OnnxElementType.Float;
        if (typeof(T) == typeof(double)) return OnnxElementType.Double;
        if (typeof(T) == typeof(long)) return OnnxElementType.Int64;
        if (typeof(T) == typeof(int)) return OnnxElementType.Int32;
        if (typeof(T) == typeof(bool)) return OnnxElementType.Bool;
        if (typeof(T) == typeof(string)) return OnnxElementType.String;
        throw new ArgumentException(
            $"Tensors of {typeof(T).Name} are not supported; use float, double, long, int, bool or string.");
    }

    /// <summary>Wraps an array the SDK produced (a runtime output, a bound request); the caller guarantees type and shape agree.</summary>
    internal static OnnxTensor Wrap(OnnxElementType type, Array data, long[] shape) => new(type, data, shape);

    /// <summary>For example <c>tensor(float)[1,3]</c>.</summary>
    public override string ToString() => $"tensor({OnnxType.ElementName(ElementType)})[{string.Join(",", _shape)}]";
}
