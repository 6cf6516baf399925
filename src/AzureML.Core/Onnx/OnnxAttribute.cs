namespace AzureML.Core.Onnx;

/// <summary>A named node attribute, for example <c>post_transform="LOGISTIC"</c> or <c>coefficients=[…]</c>.</summary>
internal sealed class OnnxAttribute
{
    private OnnxAttribute(string name, OnnxAttributeKind kind, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Kind = kind;
        Value = value;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The attribute kind, which decides how <see cref="Value"/> is encoded.</summary>
    public OnnxAttributeKind Kind { get; }

    /// <summary>A float, long, string, <see cref="OnnxTensor"/>, float[], long[] or string[] matching <see cref="Kind"/>.</summary>
    public object Value { get; }

    /// <summary>A float attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeKind.Float, value);

    /// <summary>An int attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeKind.Int, value);

    /// <summary>A string attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeKind.String, value);

    /// <summary>A tensor attribute (for example <c>Constant</c>'s <c>value</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public static OnnxAttribute Tensor(string name, OnnxTensor value) => new(name, OnnxAttributeKind.Tensor, value);

    /// <summary>A floats attribute; the array is copied.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values.</param>
    public static OnnxAttribute Floats(string name, params ReadOnlySpan<float> values) => new(name, OnnxAttributeKind.Floats, values.ToArray());

    /// <summary>An ints attribute; the array is copied.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values.</param>
    public static OnnxAttribute Ints(string name, params ReadOnlySpan<long> values) => new(name, OnnxAttributeKind.Ints, values.ToArray());

    /// <summary>A strings attribute; the array is copied.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values.</param>
    public static OnnxAttribute Strings(string name, params ReadOnlySpan<string> values) => new(name, OnnxAttributeKind.Strings, values.ToArray());
}
