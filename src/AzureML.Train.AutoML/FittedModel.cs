using System.Globalization;
using System.Text;
using System.Text.Json;
using AzureML.Core;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Scoring;

namespace AzureML.Train.AutoML;

/// <summary>
/// A model AutoML trained, loaded from its ONNX graph and scored in-process by ONNX Runtime: what
/// <see cref="AutoMLRun.GetOutput"/> returns. It takes the training columns (extra columns are ignored, values are
/// converted as training converted them) and returns labels in the label's own type, probabilities in the order of
/// <see cref="Classes"/>, or predicted values for regression.
/// </summary>
public sealed class FittedModel : IDisposable
{
    private readonly byte[] _onnx;
    private readonly OnnxSession _session;

    internal FittedModel(byte[] onnx)
    {
        _onnx = onnx;
        _session = OnnxSession.Load(onnx);
        IReadOnlyDictionary<string, string> metadata = _session.Metadata;
        Task = metadata.GetValueOrDefault(OnnxNames.TaskKey)
            ?? throw new UserErrorException("The ONNX model was not produced by AutoML: it has no 'task' metadata.");
        Algorithm = metadata.GetValueOrDefault(OnnxNames.AlgorithmKey, "");
        Pipeline = metadata.GetValueOrDefault(OnnxNames.PipelineKey, "");
        LabelColumnName = metadata.GetValueOrDefault(OnnxNames.LabelColumnKey, "");
        Classes = metadata.TryGetValue(OnnxNames.ClassesKey, out string? classes) ? ParseClasses(classes, metadata.GetValueOrDefault(OnnxNames.LabelTypeKey)) : Array.Empty<object>();
        InputSchema = _session.Inputs.ToDictionary(i => i.Name, i => i.Kind switch
        {
            OnnxSession.ElementKind.String => DataFrameColumnType.String,
            OnnxSession.ElementKind.Double => DataFrameColumnType.DateTime,
            _ => DataFrameColumnType.Float,
        }, StringComparer.Ordinal);
    }

    /// <summary>Loads a model saved with <see cref="Save"/> (or an iteration's <c>outputs/model.onnx</c>).</summary>
    /// <param name="path">The ONNX file.</param>
    public static FittedModel Load(string path) => new(File.ReadAllBytes(path));

    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public string Task { get; }

    /// <summary>The algorithm, e.g. <c>LightGBM</c> or <c>VotingEnsemble</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The whole pipeline: featurization, scaling, the trainer and its hyperparameters.</summary>
    public string Pipeline { get; }

    /// <summary>The column the model predicts.</summary>
    public string LabelColumnName { get; }

    /// <summary>The classes in the label's own type, in the order of the probability columns; empty for regression.</summary>
    public IReadOnlyList<object> Classes { get; }

    /// <summary>The columns the model takes and the kind of values it expects in each (Float for numbers and booleans).</summary>
    public IReadOnlyDictionary<string, DataFrameColumnType> InputSchema { get; }

    /// <summary>Predicts each row: a class in the label's type (bool, long, double or string), or a double for regression.</summary>
    /// <param name="data">Rows with at least the <see cref="InputSchema"/> columns.</param>
    public IReadOnlyList<object> Predict(DataFrame data)
    {
        IReadOnlyDictionary<string, Array> outputs = Run(data);
        return Task == "regression"
            ? ((float[])outputs[OnnxNames.Prediction]).Select(v => (object)(double)v).ToList()
            : outputs[OnnxNames.Label].Cast<object>().ToList();
    }

    /// <inheritdoc cref="Predict(DataFrame)"/>
    /// <param name="rows">Rows as column → value; strings such as <c>"60"</c> or <c>"false"</c> are converted like a scoring request's.</param>
    public IReadOnlyList<object> Predict(IEnumerable<IReadOnlyDictionary<string, object?>> rows) => Predict(ToFrame(rows));

    /// <summary>Class probabilities per row, columns in the order of <see cref="Classes"/>.</summary>
    /// <param name="data">Rows with at least the <see cref="InputSchema"/> columns.</param>
    /// <exception cref="InvalidOperationException">The model is a regression model.</exception>
    public double[][] PredictProbabilities(DataFrame data)
    {
        if (Task == "regression") throw new InvalidOperationException("A regression model has no class probabilities; use Predict.");
        var probabilities = (float[])Run(data)[OnnxNames.Probability];
        int k = Classes.Count;
        return Enumerable.Range(0, probabilities.Length / k).Select(r => Enumerable.Range(0, k).Select(c => (double)probabilities[(r * k) + c]).ToArray()).ToArray();
    }

    /// <inheritdoc cref="PredictProbabilities(DataFrame)"/>
    /// <param name="rows">Rows as column → value.</param>
    public double[][] PredictProbabilities(IEnumerable<IReadOnlyDictionary<string, object?>> rows) => PredictProbabilities(ToFrame(rows));

    /// <summary>The ONNX model (a copy).</summary>
    public byte[] ToOnnx() => (byte[])_onnx.Clone();

    /// <summary>Writes the ONNX model to a file.</summary>
    /// <param name="path">The file to create or overwrite.</param>
    public void Save(string path) => File.WriteAllBytes(path, _onnx);

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    /// <summary>The algorithm, the label and classes, the inputs and the whole pipeline.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        string classes = Classes.Count > 0 ? $" as one of [{string.Join(", ", Classes.Select(Engine.Data.ClassLabels.Format))}]" : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"FittedModel({Task}, {Algorithm}) predicting '{LabelColumnName}'{classes}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  inputs: {string.Join(", ", InputSchema.Select(i => $"{i.Key} ({i.Value})"))}");
        text.Append(CultureInfo.InvariantCulture, $"  pipeline: {Pipeline}");
        return text.ToString();
    }

    private IReadOnlyDictionary<string, Array> Run(DataFrame data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return _session.Run(ModelInputs.FromDataFrame(data, _session.Inputs), data.RowCount);
    }

    private DataFrame ToFrame(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        List<IReadOnlyDictionary<string, object?>> list = rows?.ToList() ?? throw new ArgumentNullException(nameof(rows));
        var columns = new List<DataFrameColumn>();
        foreach ((string name, DataFrameColumnType type) in InputSchema)
        {
            object?[] values = list.Select((row, i) => row.TryGetValue(name, out object? v) ? v
                : throw new UserErrorException($"Row {i} has no column '{name}'. The model's columns: {string.Join(", ", InputSchema.Keys)}.")).ToArray();
            columns.Add(type switch
            {
                DataFrameColumnType.String => DataFrameColumn.OfString(name, values.Select(v => v is null ? null : v as string ?? Convert.ToString(v, CultureInfo.InvariantCulture))),
                DataFrameColumnType.DateTime => DataFrameColumn.OfDateTime(name, values.Select((v, i) => ToDateTime(v, name, i))),
                _ => DataFrameColumn.OfDouble(name, values.Select((v, i) => ToNumber(v, name, i))),
            });
        }

        return new DataFrame(columns);
    }

    private static double? ToNumber(object? value, string column, int row) => value switch
    {
        null => null,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        string s when bool.TryParse(s.Trim(), out bool b) => b ? 1 : 0,
        IConvertible c when value is not string => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new UserErrorException($"Row {row}, column '{column}': {JsonSerializer.Serialize(value)} is not a number or a boolean."),
    };

    private static DateTime? ToDateTime(object? value, string column, int row) => value switch
    {
        null => null,
        DateTime d => d,
        DateTimeOffset o => o.UtcDateTime,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime d) => d,
        _ => throw new UserErrorException($"Row {row}, column '{column}': {JsonSerializer.Serialize(value)} is not a date-time."),
    };

    private static IReadOnlyList<object> ParseClasses(string json, string? labelType)
        => JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => labelType switch
        {
            nameof(DataFrameColumnType.Boolean) => (object)e.GetBoolean(),
            nameof(DataFrameColumnType.Integer) => e.GetInt64(),
            nameof(DataFrameColumnType.Float) => e.GetDouble(),
            _ => e.GetString()!,
        }).ToList();
}
