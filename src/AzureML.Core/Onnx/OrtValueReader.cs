using Microsoft.ML.OnnxRuntime;

namespace AzureML.Core.Onnx;

/// <summary>
/// Copies an output the runtime produced into managed memory: tensors of the supported element types and
/// <c>seq(map(int64|string, float))</c> (the ZipMap output of scikit-learn classifiers).
/// </summary>
/// <remarks>
/// Every query on an <see cref="OrtValue"/> is a call into the native library, and the package's own helpers repeat
/// some of them (reading a tensor's data asks again for its type and size), so this reader asks for each fact once:
/// a tensor's type and shape once, string elements by index rather than through a second size query, and a map's
/// keys and values without a shape query at all, since both are vectors as long as the values read.
/// </remarks>
internal static class OrtValueReader
{
    /// <summary>Reads <paramref name="value"/> (borrowed, not disposed here).</summary>
    /// <param name="value">An output value.</param>
    /// <param name="output">The declared output, for messages and for the key type of a map.</param>
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
            OnnxElementType.String => ReadStrings(value, checked((int)info.ElementCount)),
            _ => throw new UserErrorException(
                $"The model output '{name}' is a tensor of {OnnxType.ElementName(type)}; only float, double, int64, int32, bool and string outputs can be read."),
        };
        return OnnxTensor.Wrap(type, data, info.Shape);
    }

    private static string[] ReadStrings(OrtValue value, int count)
    {
        if (count == 0)
            return [];
        var strings = new string[count];
        for (int i = 0; i < count; i++)
            strings[i] = value.GetStringElement(i);
        return strings;
    }

    private static OnnxValue ReadMapSequence(OrtValue sequence, OnnxValueInfo output)
    {
        // The runtime checks every value against the declared type, so the declaration says what the maps hold.
        OnnxType? map = output.Type.ValueType;
        if (map is not { Kind: OnnxValueKind.Map, ValueType: { Kind: OnnxValueKind.Tensor, ElementType: OnnxElementType.Float } })
            throw Unsupported(output, map?.Kind == OnnxValueKind.Map ? "a sequence of maps whose values are not float" : "a sequence of " + Describe(map));
        return map.KeyType switch
        {
            OnnxElementType.String => new OnnxMapSequence<string>(ReadMaps(sequence, ReadStrings)),
            OnnxElementType.Int64 => new OnnxMapSequence<long>(ReadMaps(sequence, static (keys, _) => keys.GetTensorDataAsSpan<long>().ToArray())),
            _ => throw Unsupported(output, "a sequence of maps whose keys are neither int64 nor string"),
        };
    }

    private static List<IReadOnlyDictionary<TKey, float>> ReadMaps<TKey>(OrtValue sequence, Func<OrtValue, int, TKey[]> readKeys)
        where TKey : notnull
    {
        OrtAllocator allocator = OrtAllocator.DefaultInstance;
        int count = sequence.GetValueCount();
        var maps = new List<IReadOnlyDictionary<TKey, float>>(count);
        for (int i = 0; i < count; i++)
        {
            using OrtValue map = sequence.GetValue(i, allocator);
            // A map value holds two vectors of equal length: index 0 the keys, index 1 the values.
            using OrtValue values = map.GetValue(1, allocator);
            using OrtValue keys = map.GetValue(0, allocator);
            ReadOnlySpan<float> probabilities = values.GetTensorDataAsSpan<float>();
            TKey[] labels = readKeys(keys, probabilities.Length);
            var entries = new Dictionary<TKey, float>(labels.Length);
            for (int k = 0; k < labels.Length; k++)
                entries[labels[k]] = probabilities[k];
            maps.Add(entries);
        }
        return maps;
    }

    private static string Describe(OnnxType? type) => type is null ? "unknown values"
        : type.Kind.ToString().ToLowerInvariant() + " values";

    private static UserErrorException Unsupported(OnnxValueInfo output, string what) => new(
        $"The model output '{output.Name}' ({output.Type}) is {what}; only tensors and sequences of maps from int64 or string to float can be read.");
}
