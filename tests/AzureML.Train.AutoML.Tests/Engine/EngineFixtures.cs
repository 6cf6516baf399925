using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Search;
using AzureML.Train.AutoML.Engine.Trials;
using AzureML.Train.AutoML.Engine.Validation;

namespace AzureML.Train.AutoML.Tests.Engine;

/// <summary>Small data sets and trial helpers for engine tests.</summary>
internal static class EngineFixtures
{
    /// <summary>
    /// A table with every kind of column the featurizer handles: numbers with gaps, a boolean, a low-cardinality
    /// category with gaps, a high-cardinality category, a date-time with gaps, an identifier and a constant.
    /// The label is <paramref name="labelKind"/>: <c>binary</c> (boolean), <c>multiclass</c> (three strings) or
    /// <c>regression</c> (a number).
    /// </summary>
    public static DataFrame Mixed(int rows, string labelKind, int seed = 7)
    {
        var random = new Random(seed);
        var x1 = new double?[rows];
        var x2 = new double?[rows];
        var flag = new bool?[rows];
        var color = new string?[rows];
        var code = new string?[rows];
        var when = new DateTime?[rows];
        var id = new long?[rows];
        var constant = new long?[rows];
        var label = new string?[rows];
        var positive = new bool?[rows];
        var target = new double?[rows];
        string[] colors = { "red", "green", "blue", "amber" };
        for (int i = 0; i < rows; i++)
        {
            double a = random.NextDouble() * 10, b = random.NextDouble() * 4 - 2;
            x1[i] = random.NextDouble() < 0.1 ? null : a;
            x2[i] = b;
            flag[i] = random.NextDouble() < 0.05 ? null : random.NextDouble() < 0.4;
            string c = colors[random.Next(colors.Length)];
            color[i] = random.NextDouble() < 0.1 ? null : c;
            code[i] = "K" + random.Next(150).ToString(System.Globalization.CultureInfo.InvariantCulture);
            DateTime t = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 3 * 365 * 86400));
            when[i] = random.NextDouble() < 0.05 ? null : t;
            id[i] = 1000 + i;
            constant[i] = 5;
            double signal = a - (3 * b) + (c == "red" ? 4 : 0) + (t.Month > 6 ? 2 : 0) + (x1[i] is null ? 3 : 0) + random.NextDouble() * 2;
            target[i] = signal;
            label[i] = signal < 4 ? "low" : signal < 8 ? "mid" : "high";
            positive[i] = signal > 6;
        }

        var columns = new List<DataFrameColumn>
        {
            DataFrameColumn.OfInt64("id", id), DataFrameColumn.OfDouble("x1", x1), DataFrameColumn.OfDouble("x2", x2),
            DataFrameColumn.OfBoolean("flag", flag), DataFrameColumn.OfString("color", color), DataFrameColumn.OfString("code", code),
            DataFrameColumn.OfDateTime("when", when), DataFrameColumn.OfInt64("constant", constant),
        };
        columns.Add(labelKind switch
        {
            "binary" => DataFrameColumn.OfBoolean("label", positive),
            "multiclass" => DataFrameColumn.OfString("label", label),
            _ => DataFrameColumn.OfDouble("label", target),
        });
        return new DataFrame(columns);
    }

    /// <summary>A column <c>decides</c> that determines the label, nine columns of uniform noise, and the label column.</summary>
    public static DataFrame DecidingColumnAndNoise(IReadOnlyList<double> decides, DataFrameColumn label, int seed = 3)
    {
        var random = new Random(seed);
        var columns = new List<DataFrameColumn> { DataFrameColumn.OfDouble("decides", decides.Select(v => (double?)v)) };
        for (int c = 0; c < 9; c++) columns.Add(DataFrameColumn.OfDouble($"noise{c}", decides.Select(_ => (double?)random.NextDouble())));
        columns.Add(label);
        return new DataFrame(columns);
    }

    public static TrainingData Build(DataFrame frame, TaskKind task, string label, FeaturizationSettings? featurization = null)
        => TrainingDataBuilder.Build(new TrainingDataBuilder.Request
        {
            Training = frame,
            Task = task,
            LabelColumn = label,
            Featurization = featurization ?? FeaturizationSettings.Auto,
        });

    public static TrialData Prepare(TrainingData data, int folds = 3, int seed = 1)
        => TrialData.Prepare(data, FoldPlan.Create(data, folds, null, seed), featurize: true, seed, CancellationToken.None);

    public static LearnerContext Context(TrialData shared, int seed = 1) => new()
    {
        Task = shared.Data.Task,
        Classes = shared.Data.Classes,
        Rows = shared.Data.TrainingRowCount,
        Features = shared.Final.FeatureCount,
        HasWeights = shared.Data.Weights is not null,
        Seed = seed,
    };

    /// <summary>A configuration a little way from the start, so models are not trivially small.</summary>
    public static TrialConfig Grown(SearchSpace space, params (string Name, object Value)[] overrides)
        => new(space.Initial.Values.Select(v => overrides.FirstOrDefault(o => o.Name == v.Name) is { Name: not null } o ? (v.Name, o.Value) : v));

    /// <summary>The raw model inputs of every row, as an exported model takes them.</summary>
    public static Dictionary<string, Array> RawInputs(TrainingData data) => data.Inputs.ToDictionary(
        i => i.Name,
        i => i.Kind switch { InputKind.Float => (Array)i.Floats!, InputKind.String => i.Strings!, _ => i.Seconds! },
        StringComparer.Ordinal);
}
