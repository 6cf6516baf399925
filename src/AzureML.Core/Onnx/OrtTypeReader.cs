using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>Turns an <c>OrtTypeInfo</c> into the managed <see cref="OnnxType"/> description.</summary>
internal static unsafe class OrtTypeReader
{
    /// <summary>Describes <paramref name="typeInfo"/> (borrowed, not released here).</summary>
    /// <param name="api">The function table.</param>
    /// <param name="typeInfo">An <c>OrtTypeInfo*</c>.</param>
    public static OnnxType Read(OrtApi api, IntPtr typeInfo)
    {
        int kind;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &kind));
        switch ((OnnxValueKind)kind)
        {
            case OnnxValueKind.Tensor:
                IntPtr tensorInfo; // borrowed from typeInfo
                api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
                return ReadTensor(api, tensorInfo);
            case OnnxValueKind.Sequence:
                IntPtr sequenceInfo, elementInfo; // sequenceInfo is borrowed; elementInfo is new
                api.Check(api.CastTypeInfoToSequenceTypeInfo(typeInfo, &sequenceInfo));
                api.Check(api.GetSequenceElementType(sequenceInfo, &elementInfo));
                using (var element = new OrtTypeInfoHandle(api, elementInfo))
                    return OnnxType.Sequence(Read(api, element.DangerousGetHandle()));
            case OnnxValueKind.Map:
                IntPtr mapInfo, valueInfo; // mapInfo is borrowed; valueInfo is new
                int keyType;
                api.Check(api.CastTypeInfoToMapTypeInfo(typeInfo, &mapInfo));
                api.Check(api.GetMapKeyType(mapInfo, &keyType));
                api.Check(api.GetMapValueType(mapInfo, &valueInfo));
                using (var value = new OrtTypeInfoHandle(api, valueInfo))
                    return OnnxType.Map((OnnxElementType)keyType, Read(api, value.DangerousGetHandle()));
            default:
                return OnnxType.Other((OnnxValueKind)kind);
        }
    }

    /// <summary>Describes an <c>OrtTensorTypeAndShapeInfo*</c>, keeping symbolic dimension names.</summary>
    /// <param name="api">The function table.</param>
    /// <param name="tensorInfo">The borrowed tensor info.</param>
    public static OnnxType ReadTensor(OrtApi api, IntPtr tensorInfo)
    {
        int elementType;
        nuint rank;
        api.Check(api.GetTensorElementType(tensorInfo, &elementType));
        api.Check(api.GetDimensionsCount(tensorInfo, &rank));
        Span<long> sizes = rank <= 16 ? stackalloc long[(int)rank] : new long[(int)rank];
        var names = new IntPtr[(int)rank];
        fixed (long* sizesPtr = sizes)
        fixed (IntPtr* namesPtr = names)
        {
            api.Check(api.GetDimensions(tensorInfo, sizesPtr, rank));
            api.Check(api.GetSymbolicDimensions(tensorInfo, (byte**)namesPtr, rank));
        }
        var dimensions = new OnnxDimension[(int)rank];
        for (int i = 0; i < dimensions.Length; i++)
        {
            // The runtime reports a varying size as -1, with its name (or "") in the symbolic list.
            string? name = names[i] == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(names[i]);
            dimensions[i] = sizes[i] >= 0 ? OnnxDimension.Fixed(sizes[i])
                : string.IsNullOrEmpty(name) ? OnnxDimension.Unknown
                : OnnxDimension.Symbolic(name);
        }
        return OnnxType.Tensor((OnnxElementType)elementType, dimensions);
    }
}
