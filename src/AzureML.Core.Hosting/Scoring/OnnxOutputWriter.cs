using System.Text.Json;
using AzureML.Core.Onnx;

namespace AzureML.Core.Hosting.Scoring;

/// <summary>
/// Writes a model's outputs as the service response: <c>{"result": […]}</c> from the label output (or the only
/// output), in the label's own type, plus <c>"probabilities"</c> when the model emits them (ZipMap maps or a
/// probability tensor).
/// </summary>
internal sealed class OnnxOutputWriter
{
    private static readonly string[] s_labelNames = { "output_label", "label", "predictions", "variable" };
    private static readonly string[] s_probabilityNames = { "output_probability", "probabilities", "probability" };

    public OnnxOutputWriter(OnnxModel model)
    {
        string[] names = model.Outputs.Select(o => o.Name).ToArray();
        LabelOutput = s_labelNames.FirstOrDefault(names.Contains) ?? names[0];
        ProbabilityOutput = s_probabilityNames.FirstOrDefault(n => names.Contains(n) && n != LabelOutput)
            ?? model.Outputs.Where(o => o.Name != LabelOutput && o.Type.Kind == OnnxValueKind.Sequence).Select(o => o.Name).FirstOrDefault();
    }

    public string LabelOutput { get; }

    public string? ProbabilityOutput { get; }

    public void Write(Utf8JsonWriter writer, OnnxRunResult result)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("result");
        WriteValue(writer, result[LabelOutput]);
        if (ProbabilityOutput is not null)
        {
            writer.WritePropertyName("probabilities");
            WriteValue(writer, result[ProbabilityOutput]);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, OnnxValue value)
    {
        switch (value)
        {
            case OnnxTensor tensor:
                WriteTensor(writer, tensor);
                break;
            case OnnxMapSequence<long> longMaps:
                WriteMaps(writer, longMaps.Maps, k => k.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case OnnxMapSequence<string> stringMaps:
                WriteMaps(writer, stringMaps.Maps, k => k);
                break;
            default:
                throw new NotSupportedException($"The model output of kind {value.Kind} cannot be returned as JSON.");
        }
    }

    private static void WriteMaps<TKey>(Utf8JsonWriter writer, IReadOnlyList<IReadOnlyDictionary<TKey, float>> maps, Func<TKey, string> key)
        where TKey : notnull
    {
        writer.WriteStartArray();
        foreach (IReadOnlyDictionary<TKey, float> map in maps)
        {
            writer.WriteStartObject();
            foreach ((TKey k, float v) in map)
            {
                writer.WritePropertyName(key(k));
                WriteDouble(writer, v);
            }
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // [N] and [N, 1] become a flat list of N values; [N, K] a list of N lists; a scalar a one-item list.
    private static void WriteTensor(Utf8JsonWriter writer, OnnxTensor tensor)
    {
        long[] shape = tensor.ShapeArray;
        int rows = shape.Length == 0 ? 1 : (int)shape[0];
        int width = rows == 0 ? 0 : tensor.Length / rows;
        bool nested = shape.Length >= 2 && width != 1;
        writer.WriteStartArray();
        for (int r = 0; r < rows; r++)
        {
            if (nested) writer.WriteStartArray();
            for (int c = 0; c < (nested ? width : Math.Min(width, 1)); c++) WriteElement(writer, tensor.Data, (r * width) + c);
            if (nested) writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteElement(Utf8JsonWriter writer, Array data, int index)
    {
        switch (data)
        {
            case float[] f:
                WriteDouble(writer, f[index]);
                break;
            case double[] d:
                WriteDouble(writer, d[index]);
                break;
            case long[] l:
                writer.WriteNumberValue(l[index]);
                break;
            case int[] i:
                writer.WriteNumberValue(i[index]);
                break;
            case bool[] b:
                writer.WriteBooleanValue(b[index]);
                break;
            case string[] s:
                writer.WriteStringValue(s[index]);
                break;
            default:
                writer.WriteStringValue(data.GetValue(index)?.ToString());
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
