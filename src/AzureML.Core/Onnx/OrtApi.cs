using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// The entries of ONNX Runtime's <c>OrtApi</c> function table that the SDK calls, bound once by index. The table is
/// append-only, so an index never changes meaning in later runtimes; each index below is the one in the 1.30 header.
/// Handles are passed as <see cref="IntPtr"/>, <c>size_t</c> as <see cref="nuint"/>, C enums as <see cref="int"/>.
/// Every function that returns an <c>OrtStatus*</c> must go through <see cref="Check"/>.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The API version requested from <c>OrtGetApiBase()->GetApi</c>: ONNX Runtime 1.30.</summary>
    public const uint Version = 30;

    public readonly delegate* unmanaged[Cdecl]<int, byte*, IntPtr> CreateStatus;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr> CreateEnv;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr, IntPtr*, IntPtr> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr> CreateSessionFromArray;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr> Run;
    public readonly delegate* unmanaged[Cdecl]<IntPtr*, IntPtr> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, int, IntPtr*, IntPtr> CreateTensorAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetStringTensorDataLength;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, nuint*, nuint, IntPtr> GetStringTensorContent;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte**, nuint, IntPtr> GetSymbolicDimensions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetTensorShapeElementCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetValueType;
    public readonly delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte**, IntPtr> MemoryInfoGetName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> AllocatorGetInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr*, IntPtr> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, IntPtr*, IntPtr> GetValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetValueCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> CastTypeInfoToMapTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> CastTypeInfoToSequenceTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetMapKeyType;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> GetMapValueType;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> GetSequenceElementType;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> SessionGetModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr> ModelMetadataGetProducerName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr> ModelMetadataGetGraphName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr> ModelMetadataGetDomain;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr> ModelMetadataGetDescription;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, byte*, IntPtr*, IntPtr> ModelMetadataLookupCustomMetadataMap;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, long*, IntPtr> ModelMetadataGetVersion;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, long*, IntPtr> ModelMetadataGetCustomMetadataMapKeys;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, nuint, IntPtr> FillStringTensorElement;
    public readonly delegate* unmanaged[Cdecl]<byte*> GetBuildInfoString;

    /// <summary>Binds the entries from the table returned by <c>GetApi(<see cref="Version"/>)</c>.</summary>
    /// <param name="table">The <c>const OrtApi*</c>.</param>
    public OrtApi(IntPtr table)
    {
        var t = (IntPtr*)table;
        CreateStatus = (delegate* unmanaged[Cdecl]<int, byte*, IntPtr>)t[0];
        GetErrorCode = (delegate* unmanaged[Cdecl]<IntPtr, int>)t[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<IntPtr, byte*>)t[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr>)t[3];
        CreateSession = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr, IntPtr*, IntPtr>)t[7];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr>)t[8];
        Run = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)t[9];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)t[10];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[31];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)t[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)t[34];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr>)t[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr>)t[37];
        CreateTensorAsOrtValue = (delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, int, IntPtr*, IntPtr>)t[48];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)t[49];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr>)t[51];
        GetStringTensorDataLength = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[53];
        GetStringTensorContent = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, nuint*, nuint, IntPtr>)t[54];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[55];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[56];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr>)t[62];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<IntPtr, byte**, nuint, IntPtr>)t[63];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[64];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[65];
        GetValueType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[67];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr>)t[69];
        MemoryInfoGetName = (delegate* unmanaged[Cdecl]<IntPtr, byte**, IntPtr>)t[71];
        AllocatorFree = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr>)t[76];
        AllocatorGetInfo = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[77];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)t[78];
        GetValue = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, IntPtr*, IntPtr>)t[80];
        GetValueCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[81];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[92];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[96];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[98];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[100];
        CastTypeInfoToMapTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[103];
        CastTypeInfoToSequenceTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[104];
        GetMapKeyType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[105];
        GetMapValueType = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[106];
        GetSequenceElementType = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[107];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[111];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr>)t[112];
        ModelMetadataGetGraphName = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr>)t[113];
        ModelMetadataGetDomain = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr>)t[114];
        ModelMetadataGetDescription = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr>)t[115];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, byte*, IntPtr*, IntPtr>)t[116];
        ModelMetadataGetVersion = (delegate* unmanaged[Cdecl]<IntPtr, long*, IntPtr>)t[117];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[118];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, long*, IntPtr>)t[123];
        FillStringTensorElement = (delegate* unmanaged[Cdecl]<IntPtr, byte*, nuint, IntPtr>)t[129];
        GetBuildInfoString = (delegate* unmanaged[Cdecl]<byte*>)t[254];
    }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> when a call returned a non-null <c>OrtStatus*</c>.</summary>
    /// <param name="status">The returned status.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Check(IntPtr status)
    {
        if (status != IntPtr.Zero)
            throw ToException(status);
    }

    /// <summary>Reads and frees a failed status.</summary>
    /// <param name="status">A non-null status; it is released.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public OnnxRuntimeException ToException(IntPtr status)
    {
        try
        {
            var code = (OnnxRuntimeErrorCode)GetErrorCode(status);
            string message = Marshal.PtrToStringUTF8((IntPtr)GetErrorMessage(status)) ?? code.ToString();
            return new OnnxRuntimeException(code, message);
        }
        finally
        {
            ReleaseStatus(status);
        }
    }
}
