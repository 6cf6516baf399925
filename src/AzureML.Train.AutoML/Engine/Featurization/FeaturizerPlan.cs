using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Featurization;

/// <summary>
/// What the featurizer does, decided once from the training rows: every numeric column is mean-imputed (so a
/// missing value at scoring time is always handled), a 0/1 "was missing" column is added where missingness
/// goes with the label, categories are one-hot encoded (or hashed when there are many), and everything is
/// concatenated into one feature vector.
/// </summary>
internal sealed class FeaturizerPlan
{
    /// <summary>A class share (or target mean, in target standard deviations) that must differ between rows with and without a value.</summary>
    public const double MissingSignalThreshold = 0.1;

    /// <summary>Missing values needed before missingness can count as signal.</summary>
    public const int MissingSignalMinCount = 5;

    private FeaturizerPlan(PipelineColumns columns, IReadOnlyList<string> indicators, IReadOnlyList<(string Column, int Bits)> hashed,
        IReadOnlyList<string> oneHot)
    {
        Columns = columns;
        MissingIndicators = indicators;
        Hashed = hashed;
        OneHot = oneHot;
    }

    public PipelineColumns Columns { get; }

    /// <summary>Numeric pipeline columns that get a "was missing" indicator.</summary>
    public IReadOnlyList<string> MissingIndicators { get; }

    /// <summary>Category columns hashed into 2^bits one-hot slots.</summary>
    public IReadOnlyList<(string Column, int Bits)> Hashed { get; }

    /// <summary>Category columns one-hot encoded.</summary>
    public IReadOnlyList<string> OneHot { get; }

    /// <summary>Whether the featurizer does anything beyond putting the numbers into one vector.</summary>
    public bool Enabled { get; private init; } = true;

    public static FeaturizerPlan Create(PipelineColumns columns, bool enabled)
    {
        TrainingData data = columns.Data;
        var indicators = new List<string>();
        var hashed = new List<(string, int)>();
        var oneHot = new List<string>();
        foreach (InputColumn input in data.Inputs)
        {
            switch (input.Purpose)
            {
                case ColumnPurpose.Categorical:
                    oneHot.Add(input.PipelineTextColumn);
                    break;
                case ColumnPurpose.CategoricalHash:
                    hashed.Add((input.PipelineTextColumn, HashBits(data.Profiles.First(p => p.Name == input.Name).DistinctCount)));
                    break;
                case ColumnPurpose.Numeric or ColumnPurpose.Boolean when enabled && input.HasMissing && MissingnessCarriesSignal(data, input.Floats!):
                    indicators.Add(input.Name);
                    break;
            }
        }

        return new FeaturizerPlan(columns, indicators, hashed, oneHot) { Enabled = enabled };
    }

    /// <summary>The missing-indicator column of a numeric column.</summary>
    public static string IndicatorColumn(string column) => column + InputColumn.DerivedSeparator + "missing";

    // Twice the distinct count, rounded up to a power of two, between 2^4 and 2^12 slots.
    private static int HashBits(int distinct) => Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(2, distinct))) + 1, 4, 12);

    private static bool MissingnessCarriesSignal(TrainingData data, float[] values)
    {
        int n = data.TrainingRowCount;
        var missing = Enumerable.Range(0, n).Where(i => float.IsNaN(values[i])).ToArray();
        if (missing.Length < MissingSignalMinCount || missing.Length == n) return false;
        var present = Enumerable.Range(0, n).Where(i => !float.IsNaN(values[i])).ToArray();
        if (data.Classes is { } classes)
        {
            for (int c = 0; c < classes.Count; c++)
            {
                double withMissing = missing.Count(i => data.ClassIndex[i] == c) / (double)missing.Length;
                double withValue = present.Count(i => data.ClassIndex[i] == c) / (double)present.Length;
                if (Math.Abs(withMissing - withValue) > MissingSignalThreshold) return true;
            }

            return false;
        }

        double mean = data.Targets.Take(n).Average();
        double std = Math.Sqrt(data.Targets.Take(n).Average(t => (t - mean) * (t - mean)));
        double gap = Math.Abs(missing.Average(i => data.Targets[i]) - present.Average(i => data.Targets[i]));
        return std > 0 && gap > MissingSignalThreshold * std;
    }
}
