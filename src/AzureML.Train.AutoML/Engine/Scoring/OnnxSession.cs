using AzureML.Core.Onnx;

namespace AzureML.Train.AutoML.Engine.Scoring;

/// <summary>
/// The one place AutoML reaches ONNX Runtime: load a model, read its inputs and metadata, run it on columns.
/// Every caller (fitted models, parity checks, ensembles) goes through here, so the runtime binding can change
/// in one file.
/// </summary>
internal sealed class OnnxSession : IDisposable
{
    private readonly OnnxModel _model;

    private OnnxSession(OnnxModel model)
    {
        _model = model;
        Inputs = model.Inputs.Select(i => (i.Name, Kind(i.Type.ElementType))).ToList();
        Outputs = model.Outputs.Select(o => o.Name).ToList();
        Metadata = model.Metadata.CustomMetadata;
    }

    /// <summary>The element kind of an input column.</summary>
    public enum ElementKind
    {
        Float,
        Double,
        String,
        Other,
    }

    public IReadOnlyList<(string Name, ElementKind Kind)> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static OnnxSession Load(byte[] model) => new(OnnxModel.Load(model, OnnxModelOptions.Default));

    public static OnnxSession Load(string path) => new(OnnxModel.Load(path, OnnxModelOptions.Default));

    /// <summary>Runs the model on <paramref name="rows"/> rows given column by column ([rows, 1] inputs); returns every output's elements.</summary>
    public IReadOnlyDictionary<string, Array> Run(IReadOnlyDictionary<string, Array> columns, int rows)
    {
        var inputs = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach ((string name, ElementKind _) in Inputs)
        {
            if (!columns.TryGetValue(name, out Array? values)) throw new ArgumentException($"No values for the model input '{name}'.", nameof(columns));
            inputs[name] = values switch
            {
                float[] f => OnnxTensor.Create(f, rows, 1),
                double[] d => OnnxTensor.Create(d, rows, 1),
                string[] s => OnnxTensor.Create(s, rows, 1),
                _ => throw new ArgumentException($"Input '{name}' values are {values.GetType().Name}; float, double or string arrays are expected.", nameof(columns)),
            };
        }

        OnnxRunResult result = _model.Run(inputs);
        return Outputs.ToDictionary(o => o, o => result.GetTensor(o).Data, StringComparer.Ordinal);
    }

    public void Dispose() => _model.Dispose();

    private static ElementKind Kind(OnnxElementType type) => type switch
    {
        OnnxElementType.Float => ElementKind.Float,
        OnnxElementType.Double => ElementKind.Double,
        OnnxElementType.String => ElementKind.String,
        _ => ElementKind.Other,
    };
}
