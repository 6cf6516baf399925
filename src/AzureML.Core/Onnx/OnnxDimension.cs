namespace AzureML.Core.Onnx;

/// <summary>
/// One dimension of a declared tensor shape: a fixed size, a symbolic name such as <c>"N"</c> (the batch size), or
/// unknown. Request validation and swagger generation need to tell these apart.
/// </summary>
internal readonly record struct OnnxDimension
{
    private OnnxDimension(long? size, string? name)
    {
        Size = size;
        Name = name;
    }

    /// <summary>The fixed size, or <see langword="null"/> when the size varies.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name of a varying size, if the model gives one.</summary>
    public string? Name { get; }

    /// <summary>Whether the size is fixed.</summary>
    public bool IsFixed => Size.HasValue;

    /// <summary>A dimension of a fixed size.</summary>
    /// <param name="size">The size, zero or more.</param>
    public static OnnxDimension Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDimension(size, null);
    }

    /// <summary>A varying dimension with a name, for example <c>"N"</c> for the batch.</summary>
    /// <param name="name">The name.</param>
    public static OnnxDimension Symbolic(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new OnnxDimension(null, name);
    }

    /// <summary>A varying dimension without a name.</summary>
    public static OnnxDimension Unknown => default;

    /// <summary>The size, the name, or <c>?</c>.</summary>
    public override string ToString() => Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Name ?? "?";
}
