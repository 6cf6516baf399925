namespace AzureML.Train.AutoML.Engine.Metrics;

/// <summary>
/// A model's outputs for some rows, row-major: class probabilities (one column per class, in class order) for
/// classification, the predicted value (one column) for regression.
/// </summary>
internal sealed class Predictions
{
    public Predictions(int rows, int width)
        : this(rows, width, new double[rows * width])
    {
    }

    public Predictions(int rows, int width, double[] values)
    {
        if (values.Length != rows * width) throw new ArgumentException($"Expected {rows * width} values, got {values.Length}.", nameof(values));
        Rows = rows;
        Width = width;
        Values = values;
    }

    public int Rows { get; }

    public int Width { get; }

    public double[] Values { get; }

    public double this[int row, int column]
    {
        get => Values[(row * Width) + column];
        set => Values[(row * Width) + column] = value;
    }

    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Width, Width);

    /// <summary>The column with the largest value of a row (the first of equals).</summary>
    public int ArgMax(int row)
    {
        ReadOnlySpan<double> values = Row(row);
        int best = 0;
        for (int c = 1; c < values.Length; c++)
        {
            if (values[c] > values[best]) best = c;
        }

        return best;
    }

    /// <summary>The rows at the given positions, in that order.</summary>
    public Predictions Select(IReadOnlyList<int> rows)
    {
        var selected = new Predictions(rows.Count, Width);
        for (int i = 0; i < rows.Count; i++) Row(rows[i]).CopyTo(selected.Values.AsSpan(i * Width, Width));
        return selected;
    }

    /// <summary>The weighted sum of several predictions of the same rows (an ensemble's average when weights sum to 1).</summary>
    public static Predictions WeightedSum(IReadOnlyList<Predictions> members, IReadOnlyList<double> weights)
    {
        var sum = new Predictions(members[0].Rows, members[0].Width);
        for (int m = 0; m < members.Count; m++)
        {
            double w = weights[m];
            double[] source = members[m].Values;
            for (int i = 0; i < source.Length; i++) sum.Values[i] += w * source[i];
        }

        return sum;
    }
}
