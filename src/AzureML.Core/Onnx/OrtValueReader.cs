using Microsoft.ML.OnnxRuntime;

namespace AzureML.Core.Onnx;

/// <summary>
/// Copies an output the runtime produced into managed memory: tensors of the supported element types and
/// <c>seq(map(int64|string, float))</c> (the ZipMap output of scikit-learn classifiers).
/// </summary>
internal static class OrtValueReader
{
    /// <summary>Reads <paramref name="value"/> (borrowed, not disposed here).</summary>
    /// <param name="value">An output value.</param>
    /// <param name="output">The declared output, for messages and for the key type of an empty sequence.</param>
    public static OnnxValue Read(OrtValue value, OnnxValueInfo output) => value.OnnxType switch
    {
        OnnxValueType.ONNX_TYPE_TENSOR => ReadTensor(value, output.Name),
        OnnxValueType.ONNX_TYPE_SEQUENCE => ReadMapSequence(value, output),
        OnnxValueType kind => throw Unsupported(output, $"a {((OnnxValueKind)kind).ToString().ToLowerInvariant()} value"),
    };

    private static OnnxTensor ReadTensor(OrtValue value, string name)
    {
        OrtTensorTypeAndShapeInfo info = value.GetTensorTypeAndShape();
        var type = (OnnxElementType)info.ElementDataType;
        Array data = type switch
        {
            OnnxElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            OnnxElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
            OnnxElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            OnnxElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            OnnxElementType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            OnnxElementType.String => info.ElementCount == 0 ? Array.Empty<string>() : value.GetStringTensorAsArray(),
            _ => throw new UserErrorException(
                $"The model output '{name}' is a tensor of {OnnxType.ElementName(type)}; only float, double, int64, int32, bool and string outputs can be read."),
        };
        return OnnxTensor.Wrap(type, data, info.Shape);
    }

    private static OnnxValue ReadMapSequence(OrtValue sequence, OnnxValueInfo output)
    {
        OrtAllocator allocator = OrtAllocator.DefaultInstance;
        int count = sequence.GetValueCount();
        List<IReadOnlyDictionary<long, float>>? int64Maps = null;
        List<IReadOnlyDictionary<string, float>>? stringMaps = null;
        for (int i = 0; i < count; i++)
        {
            using OrtValue map = sequence.GetValue(i, allocator);
            if (map.OnnxType != OnnxValueType.ONNX_TYPE_MAP)
                throw Unsupported(output, "a sequence of " + ((OnnxValueKind)map.OnnxType).ToString().ToLowerInvariant() + " values");
            // A map value holds two tensors: index 0 the keys, index 1 the values.
            using OrtValue keys = map.GetValue(0, allocator);
            using OrtValue values = map.GetValue(1, allocator);
            OnnxTensor keyTensor = ReadTensor(keys, output.Name);
            if (ReadTensor(values, output.Name).Data is not float[] probabilities)
                throw Unsupported(output, "a sequence of maps whose values are not float");
            switch (keyTensor.Data)
            {
                case long[] int64Keys:
                    (int64Maps ??= new List<IReadOnlyDictionary<long, float>>(count)).Add(Zip(int64Keys, probabilities));
                    break;
                case string[] stringKeys:
                    (stringMaps ??= new List<IReadOnlyDictionary<string, float>>(count)).Add(Zip(stringKeys, probabilities));
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
