namespace AzureML.Core.Onnx;

/// <summary>A named, typed model input or output.</summary>
/// <param name="Name">The name used in <see cref="OnnxModel.Run(IReadOnlyDictionary{string, OnnxTensor})"/> and in results.</param>
/// <param name="Type">The declared type.</param>
internal sealed record OnnxValueInfo(string Name, OnnxType Type)
{
    /// <summary><c>name: type</c>.</summary>
    public override string ToString() => Name + ": " + Type;
}
