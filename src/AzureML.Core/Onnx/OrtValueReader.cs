using System.Buffers;
using System.Text;

namespace AzureML.Core.Onnx;

/// <summary>
/// Copies an <c>OrtValue</c> the runtime produced into managed memory: tensors of the supported element types and
/// <c>seq(map(int64|string, float))</c> (the ZipMap output of scikit-learn classifiers).
/// </summary>
internal static unsafe class OrtValueReader
{
    /// <summary>Reads <paramref name="value"/> (borrowed, not released here).</summary>
    /// <param name="runtime">The runtime the value belongs to.</param>
    /// <param name="value">An <c>OrtValue*</c>.</param>
    /// <param name="output">The declared output, for messages and for the key type of an empty sequence.</param>
    public static OnnxValue Read(OnnxRuntime runtime, IntPtr value, OnnxValueInfo output)
    {
        OrtApi api = runtime.Api;
        int kind;
        api.Check(api.GetValueType(value, &kind));
        return (OnnxValueKind)kind switch
        {
            OnnxValueKind.Tensor => ReadTensor(api, value, output.Name),
            OnnxValueKind.Sequence => ReadMapSequence(runtime, value, output),
            _ => throw Unsupported(output, $"a {((OnnxValueKind)kind).ToString().ToLowerInvariant()} value"),
        };
    }

    private static OnnxTensor ReadTensor(OrtApi api, IntPtr value, string name)
    {
        IntPtr info;
        int elementType;
        nuint rank, count;
        long[] shape;
        api.Check(api.GetTensorTypeAndShape(value, &info));
        try
        {
            api.Check(api.GetTensorElementType(info, &elementType));
            api.Check(api.GetDimensionsCount(info, &rank));
            shape = new long[(int)rank];
            fixed (long* dims = shape)
                api.Check(api.GetDimensions(info, dims, rank));
            api.Check(api.GetTensorShapeElementCount(info, &count));
        }
        finally
        {
            api.ReleaseTensorTypeAndShapeInfo(info);
        }

        var type = (OnnxElementType)elementType;
        int length = checked((int)count);
        Array data = type switch
        {
            OnnxElementType.Float => Copy<float>(api, value, length),
            OnnxElementType.Double => Copy<double>(api, value, length),
            OnnxElementType.Int64 => Copy<long>(api, value, length),
            OnnxElementType.Int32 => Copy<int>(api, value, length),
            OnnxElementType.Bool => Copy<bool>(api, value, length),
            OnnxElementType.String => ReadStrings(api, value, length),
            _ => throw new UserErrorException(
                $"The model output '{name}' is a tensor of {OnnxType.ElementName(type)}; only float, double, int64, int32, bool and string outputs can be read."),
        };
        return OnnxTensor.Wrap(type, data, shape);
    }

    private static T[] Copy<T>(OrtApi api, IntPtr value, int length)
        where T : unmanaged
    {
        if (length == 0)
            return [];
        void* data;
        api.Check(api.GetTensorMutableData(value, &data));
        return new ReadOnlySpan<T>(data, length).ToArray();
    }

    private static string[] ReadStrings(OrtApi api, IntPtr value, int length)
    {
        if (length == 0)
            return [];
        nuint total;
        api.Check(api.GetStringTensorDataLength(value, &total));
        byte[] text = ArrayPool<byte>.Shared.Rent(Math.Max(1, checked((int)total)));
        nuint[] offsets = ArrayPool<nuint>.Shared.Rent(length);
        try
        {
            fixed (byte* textPtr = text)
            fixed (nuint* offsetsPtr = offsets)
                api.Check(api.GetStringTensorContent(value, textPtr, total, offsetsPtr, (nuint)length));

            // Strings are packed back to back without terminators; each ends where the next begins.
            var strings = new string[length];
            for (int i = 0; i < length; i++)
            {
                int start = (int)offsets[i];
                int end = i + 1 < length ? (int)offsets[i + 1] : (int)total;
                strings[i] = Encoding.UTF8.GetString(text, start, end - start);
            }
            return strings;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
            ArrayPool<nuint>.Shared.Return(offsets);
        }
    }

    private static OnnxValue ReadMapSequence(OnnxRuntime runtime, IntPtr sequence, OnnxValueInfo output)
    {
        OrtApi api = runtime.Api;
        nuint count;
        api.Check(api.GetValueCount(sequence, &count));
        List<IReadOnlyDictionary<long, float>>? int64Maps = null;
        List<IReadOnlyDictionary<string, float>>? stringMaps = null;
        for (int i = 0; i < (int)count; i++)
        {
            IntPtr map, keys, values;
            api.Check(api.GetValue(sequence, i, runtime.Allocator, &map));
            using var ownedMap = new OrtValueHandle(api, map);
            int kind;
            api.Check(api.GetValueType(map, &kind));
            if ((OnnxValueKind)kind != OnnxValueKind.Map)
                throw Unsupported(output, "a sequence of " + ((OnnxValueKind)kind).ToString().ToLowerInvariant() + " values");
            // A map value holds two tensors: index 0 the keys, index 1 the values.
            api.Check(api.GetValue(map, 0, runtime.Allocator, &keys));
            using var ownedKeys = new OrtValueHandle(api, keys);
            api.Check(api.GetValue(map, 1, runtime.Allocator, &values));
            using var ownedValues = new OrtValueHandle(api, values);
            OnnxTensor keyTensor = ReadTensor(api, keys, output.Name);
            if (ReadTensor(api, values, output.Name).Data is not float[] probabilities)
                throw Unsupported(output, "a sequence of maps whose values are not float");
            switch (keyTensor.Data)
            {
                case long[] int64Keys:
                    (int64Maps ??= new List<IReadOnlyDictionary<long, float>>((int)count)).Add(Zip(int64Keys, probabilities));
                    break;
                case string[] stringKeys:
                    (stringMaps ??= new List<IReadOnlyDictionary<string, float>>((int)count)).Add(Zip(stringKeys, probabilities));
                    break;
                default:
                    throw Unsupported(output, "a sequence of maps whose keys are neither int64 nor string");
            }
        }

        if (stringMaps is not null)
            return new OnnxMapSequence<string>(stringMaps);
        if (int64Maps is not null)
            return new OnnxMapSequence<long>(int64Maps);
        // An empty sequence carries no keys; the declared type says which kind the caller expects.
        return output.Type.ValueType?.KeyType == OnnxElementType.String
            ? new OnnxMapSequence<string>([])
            : new OnnxMapSequence<long>([]);
    }

    private static Dictionary<TKey, float> Zip<TKey>(TKey[] keys, float[] values)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, float>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
            map[keys[i]] = values[i];
        return map;
    }

    private static UserErrorException Unsupported(OnnxValueInfo output, string what) => new(
        $"The model output '{output.Name}' ({output.Type}) is {what}; only tensors and sequences of maps from int64 or string to float can be read.");
}
