using Microsoft.ML.Data;

namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// The columns ML.NET pipelines read, built once from <see cref="TrainingData"/>: numbers as they are, categories
/// with missing values filled, date-times as their parts, plus the label in the form the trainers want
/// (Boolean for binary, a key for multiclass, Single for regression) and the weights.
/// </summary>
internal sealed class PipelineColumns
{
    /// <summary>The label column the trainers read (named so that no input column can clash).</summary>
    public const string Label = "#Label";

    /// <summary>The weight column.</summary>
    public const string Weight = "#Weight";

    /// <summary>The feature vector the featurizer produces.</summary>
    public const string Features = "#Features";

    private readonly (string Name, DataViewType Type, Array Values) _label;
    private readonly (string Name, DataViewType Type, Array Values)? _weight;

    public PipelineColumns(TrainingData data)
    {
        Data = data;
        var inputs = new List<(string, DataViewType, Array)>();
        var numeric = new List<string>();
        foreach (InputColumn input in data.Inputs)
        {
            switch (input.Kind)
            {
                case InputKind.Float:
                    inputs.Add((input.Name, NumberDataViewType.Single, input.Floats!));
                    numeric.Add(input.Name);
                    break;
                case InputKind.String:
                    string[] strings = input.FillValue is null ? input.Strings! : Filled(input.Strings!, input.FillValue);
                    inputs.Add((input.PipelineTextColumn, TextDataViewType.Instance, strings));
                    break;
                case InputKind.DateTime:
                    float[][] parts = DateParts(input);
                    for (int p = 0; p < input.DateParts.Count; p++)
                    {
                        inputs.Add((input.PartColumn(input.DateParts[p]), NumberDataViewType.Single, parts[p]));
                        numeric.Add(input.PartColumn(input.DateParts[p]));
                    }

                    break;
            }
        }

        Inputs = inputs;
        NumericColumns = numeric;
        _label = LabelColumn(data);
        _weight = data.Weights is null ? null : (Weight, NumberDataViewType.Single, data.Weights);
    }

    public TrainingData Data { get; }

    /// <summary>The columns the featurizer reads, in model-input order; a model exported from a view of only these takes no label.</summary>
    public IReadOnlyList<(string Name, DataViewType Type, Array Values)> Inputs { get; }

    /// <summary>The numeric pipeline columns (numbers, booleans, date parts).</summary>
    public IReadOnlyList<string> NumericColumns { get; }

    public bool HasWeights => _weight is not null;

    /// <summary>The inputs plus label and weight for some rows (all when null).</summary>
    public TableDataView TrainingView(int[]? rows) => new(WithTargets(Inputs), rows);

    /// <summary>Only the inputs: what an exported model takes.</summary>
    public TableDataView InputView(int[]? rows) => new(Inputs, rows);

    /// <summary>A featurized matrix (one row per entry of <paramref name="rows"/>) with the label and weights of those rows.</summary>
    public TableDataView FeatureView(float[][] features, int[] rows)
    {
        var columns = new List<(string, DataViewType, Array)>
        {
            (Features, new VectorDataViewType(NumberDataViewType.Single, features.Length == 0 ? 0 : features[0].Length), features),
            (_label.Name, _label.Type, Gather(_label.Values, rows)),
        };
        if (_weight is { } weight) columns.Add((weight.Name, weight.Type, Gather(weight.Values, rows)));
        return new TableDataView(columns);
    }

    private List<(string, DataViewType, Array)> WithTargets(IEnumerable<(string, DataViewType, Array)> columns)
    {
        var all = columns.ToList();
        all.Add(_label);
        if (_weight is { } weight) all.Add(weight);
        return all;
    }

    private static (string, DataViewType, Array) LabelColumn(TrainingData data)
        => data.Classes is null ? (Label, NumberDataViewType.Single, data.Targets.Select(t => (float)t).ToArray()) : ClassColumn(data.Classes, data.ClassIndex);

    /// <summary>A class label column as the trainers want it: Boolean (positive class) for two classes, a key for more.</summary>
    public static (string Name, DataViewType Type, Array Values) ClassColumn(ClassLabels classes, IReadOnlyList<int> classIndex)
    {
        if (classes.IsBinary) return (Label, BooleanDataViewType.Instance, classIndex.Select(c => c == classes.PositiveIndex).ToArray());

        // Keys are 1-based: 0 means missing.
        return (Label, new KeyDataViewType(typeof(uint), classes.Count), classIndex.Select(c => (uint)(c + 1)).ToArray());
    }

    private static Array Gather(Array values, int[] rows) => values switch
    {
        float[] f => rows.Select(r => f[r]).ToArray(),
        bool[] b => rows.Select(r => b[r]).ToArray(),
        uint[] u => rows.Select(r => u[r]).ToArray(),
        _ => throw new NotSupportedException(values.GetType().Name),
    };

    private static string[] Filled(string[] values, string fill) => values.Select(v => v.Length == 0 ? fill : v).ToArray();

    private static float[][] DateParts(InputColumn input)
    {
        int[] wanted = input.DateParts.Select(p => DateTimeParts.Names.ToList().IndexOf(p)).ToArray();
        var parts = wanted.Select(_ => new float[input.Seconds!.Length]).ToArray();
        for (int row = 0; row < input.Seconds!.Length; row++)
        {
            float[] all = DateTimeParts.Compute(input.Seconds[row]);
            for (int p = 0; p < wanted.Length; p++) parts[p][row] = all[wanted[p]];
        }

        return parts;
    }
}
