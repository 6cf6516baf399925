using System.Globalization;
using AzureML.Core.Data;

namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// The classes of a classification label in their own type (bool, long, double or string), sorted as azureml
/// sorts them; class <c>i</c> is column <c>i</c> of every probability matrix and of the model's probability output.
/// </summary>
internal sealed class ClassLabels
{
    public ClassLabels(DataFrameColumnType labelType, IReadOnlyList<object> classes, int positiveIndex)
    {
        LabelType = labelType;
        Classes = classes;
        PositiveIndex = positiveIndex;
    }

    public DataFrameColumnType LabelType { get; }

    public IReadOnlyList<object> Classes { get; }

    public int Count => Classes.Count;

    public bool IsBinary => Count == 2;

    /// <summary>The class binary metrics and the binary trainers treat as positive (true).</summary>
    public int PositiveIndex { get; }

    /// <summary>A class as text, for metric tables and metadata.</summary>
    public string Format(int index) => Format(Classes[index]);

    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The index of a value read from a data frame cell, or -1 for an unknown class.</summary>
    public int IndexOf(object value)
    {
        for (int i = 0; i < Classes.Count; i++)
        {
            if (Classes[i].Equals(value)) return i;
        }

        return -1;
    }

    /// <summary>The sorted distinct classes of a label column (missing values skipped).</summary>
    public static List<object> Distinct(DataFrameColumn column)
    {
        var seen = new HashSet<object>();
        for (int row = 0; row < column.Length; row++)
        {
            if (column[row] is { } value && !(value is double d && double.IsNaN(d))) seen.Add(value);
        }

        return seen.OrderBy(v => v, Comparer<object>.Create(CompareValues)).ToList();
    }

    private static int CompareValues(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };
}
