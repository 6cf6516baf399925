namespace AzureML.Core.Data;

/// <summary>Computes <see cref="DataFrame.Describe"/> the way pandas' <c>describe()</c> does for numeric columns.</summary>
internal static class DataFrameStatistics
{
    public const string StatisticColumnName = "statistic";

    private static readonly string[] StatisticNames = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];

    public static DataFrame Describe(DataFrame frame)
    {
        DataFrameColumn[] numeric = frame.Columns
            .Where(c => c.DataType is DataFrameColumnType.Integer or DataFrameColumnType.Float && c.Name != frame.IndexColumnName)
            .ToArray();
        if (numeric.Length == 0)
        {
            throw new UserErrorException(
                $"Describe summarizes numeric (Integer or Float) columns and the table has none; its columns are " +
                $"{string.Join(", ", frame.Columns.Select(c => $"'{c.Name}' ({c.DataType})"))}.");
        }

        // The label column takes a name no summarized column has.
        string labels = StatisticColumnName;
        while (numeric.Any(c => c.Name == labels)) labels = "_" + labels;
        var result = new List<DataFrameColumn> { DataFrameColumn.OfString(labels, StatisticNames) };
        result.AddRange(numeric.Select(c => DataFrameColumn.OfDouble(c.Name, Summarize(c).Select(v => (double?)v))));
        return new DataFrame([.. result], labels);
    }

    // NaN and null are both "missing" for pandas, so neither is counted nor summarized.
    private static double[] Summarize(DataFrameColumn column)
    {
        var values = new List<double>(column.Length - column.NullCount);
        for (int row = 0; row < column.Length; row++)
        {
            double value = column.GetDouble(row);
            if (!double.IsNaN(value)) values.Add(value);
        }
        values.Sort();
        int n = values.Count;
        double mean = n == 0 ? double.NaN : Mean(values);
        return
        [
            n, mean, StandardDeviation(values, mean),
            n == 0 ? double.NaN : values[0],
            Quantile(values, 0.25), Quantile(values, 0.5), Quantile(values, 0.75),
            n == 0 ? double.NaN : values[^1],
        ];
    }

    private static double Mean(List<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Count;
    }

    // Two-pass sample standard deviation (ddof = 1): more accurate than the one-pass sum-of-squares formula.
    private static double StandardDeviation(List<double> values, double mean)
    {
        if (values.Count < 2) return double.NaN;
        double squares = 0;
        foreach (double v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / (values.Count - 1));
    }

    // numpy's default "linear" method: interpolate between the two closest ranks of (n - 1) * q.
    private static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        double position = (sorted.Count - 1) * q;
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
