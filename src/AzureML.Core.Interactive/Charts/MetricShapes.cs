using System.Collections;
using System.Globalization;

namespace AzureML.Core.Interactive.Charts;

/// <summary>
/// Recognises what a metric value is for display: a series of numbers (a name logged several times, or a list), a
/// confusion matrix or a ROC curve (the table metrics AutoML children log), or another table.
/// </summary>
internal static class MetricShapes
{
    /// <summary>A value logged as a list or several times, with at least two numbers and nothing else.</summary>
    public static bool TrySeries(object? value, out double[] values)
    {
        values = [];
        if (value is string or IDictionary || value is not IList list || list.Count < 2) return false;
        var numbers = new double[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            if (!TryNumber(list[i], out numbers[i])) return false;
        }

        values = numbers;
        return true;
    }

    /// <summary>A table metric: column name → values.</summary>
    public static bool TryTable(object? value, out IReadOnlyDictionary<string, IReadOnlyList<object?>> table)
    {
        table = value as IReadOnlyDictionary<string, IReadOnlyList<object?>> ?? new Dictionary<string, IReadOnlyList<object?>>();
        return value is IReadOnlyDictionary<string, IReadOnlyList<object?>>;
    }

    /// <summary>
    /// A confusion matrix: a <c>class_label</c> column naming the true classes and one <c>predicted_&lt;class&gt;</c>
    /// column of counts per predicted class.
    /// </summary>
    public static bool TryConfusionMatrix(object? value, out ConfusionMatrix matrix)
    {
        matrix = null!;
        if (!TryTable(value, out var table) || !table.TryGetValue("class_label", out IReadOnlyList<object?>? labels)) return false;
        string[] predicted = table.Keys.Where(k => k.StartsWith("predicted_", StringComparison.Ordinal)).ToArray();
        if (predicted.Length == 0) return false;
        var counts = new double[labels.Count, predicted.Length];
        for (int p = 0; p < predicted.Length; p++)
        {
            IReadOnlyList<object?> column = table[predicted[p]];
            if (column.Count != labels.Count) return false;
            for (int t = 0; t < labels.Count; t++)
            {
                if (!TryNumber(column[t], out counts[t, p])) return false;
            }
        }

        matrix = new ConfusionMatrix(
            labels.Select(l => Convert.ToString(l, CultureInfo.InvariantCulture) ?? "").ToArray(),
            predicted.Select(p => p["predicted_".Length..]).ToArray(),
            counts);
        return true;
    }

    /// <summary>A ROC curve: <c>false_positive_rate</c> and <c>true_positive_rate</c> columns, one curve per <c>class_label</c> when there is one.</summary>
    public static bool TryRocCurve(object? value, out IReadOnlyList<RocCurve> curves)
    {
        curves = [];
        if (!TryTable(value, out var table)
            || !table.TryGetValue("false_positive_rate", out IReadOnlyList<object?>? fpr)
            || !table.TryGetValue("true_positive_rate", out IReadOnlyList<object?>? tpr)
            || fpr.Count != tpr.Count || fpr.Count < 2) return false;
        IReadOnlyList<object?> classes = table.TryGetValue("class_label", out IReadOnlyList<object?>? c) && c.Count == fpr.Count ? c : Enumerable.Repeat<object?>("", fpr.Count).ToList();
        var byClass = new Dictionary<string, (List<double> X, List<double> Y)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < fpr.Count; i++)
        {
            if (!TryNumber(fpr[i], out double x) || !TryNumber(tpr[i], out double y)) return false;
            string label = Convert.ToString(classes[i], CultureInfo.InvariantCulture) ?? "";
            if (!byClass.TryGetValue(label, out var points))
            {
                byClass[label] = points = ([], []);
                order.Add(label);
            }

            points.X.Add(x);
            points.Y.Add(y);
        }

        curves = order.Select(label => new RocCurve(label, byClass[label].X.ToArray(), byClass[label].Y.ToArray())).ToList();
        return true;
    }

    /// <summary>A number of any CLR numeric type as a double.</summary>
    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d: number = d; return true;
            case float f: number = f; return true;
            case long or int or short or byte or uint or ulong or ushort or sbyte or decimal:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default:
                number = double.NaN;
                return false;
        }
    }
}
