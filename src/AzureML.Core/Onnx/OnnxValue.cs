namespace AzureML.Core.Onnx;

/// <summary>A managed ONNX value: a <see cref="OnnxTensor"/> or a sequence of maps (<see cref="OnnxMapSequence{TKey}"/>).</summary>
internal abstract class OnnxValue
{
    /// <summary>Tensor or sequence.</summary>
    public abstract OnnxValueKind Kind { get; }
}
