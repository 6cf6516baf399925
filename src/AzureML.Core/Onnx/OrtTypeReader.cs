using Microsoft.ML.OnnxRuntime;

namespace AzureML.Core.Onnx;

/// <summary>Turns the runtime's description of a model input or output into the SDK's <see cref="OnnxType"/>.</summary>
internal static class OrtTypeReader
{
    /// <summary>Describes <paramref name="metadata"/>, keeping symbolic dimension names.</summary>
    /// <param name="metadata">An entry of the session's input or output metadata.</param>
    public static OnnxType Read(NodeMetadata metadata)
    {
        switch (metadata.OnnxValueType)
        {
            case OnnxValueType.ONNX_TYPE_TENSOR:
                return ReadTensor(metadata);
            case OnnxValueType.ONNX_TYPE_SEQUENCE:
                return OnnxType.Sequence(Read(metadata.AsSequenceMetadata().ElementMeta));
            case OnnxValueType.ONNX_TYPE_MAP:
                MapMetadata map = metadata.AsMapMetadata();
                return OnnxType.Map((OnnxElementType)map.KeyDataType, Read(map.ValueMetadata));
            default:
                return OnnxType.Other((OnnxValueKind)metadata.OnnxValueType);
        }
    }

    private static OnnxType ReadTensor(NodeMetadata metadata)
    {
        int[] sizes = metadata.Dimensions;
        string[] names = metadata.SymbolicDimensions;
        var dimensions = new OnnxDimension[sizes.Length];
        for (int i = 0; i < dimensions.Length; i++)
        {
            // The runtime reports a varying size as -1, with its name (or "") among the symbolic dimensions.
            string? name = i < names.Length ? names[i] : null;
            dimensions[i] = sizes[i] >= 0 ? OnnxDimension.Fixed(sizes[i])
                : string.IsNullOrEmpty(name) ? OnnxDimension.Unknown
                : OnnxDimension.Symbolic(name);
        }
        return OnnxType.Tensor((OnnxElementType)metadata.ElementDataType, dimensions);
    }
}
