using AzureML.Core;
using AzureML.Core.Data;

namespace AzureML.Train.AutoML.Engine.Data;

/// <summary>
/// Decides each input column's purpose from its type and values: numbers stay numbers, booleans become 0/1,
/// strings with few distinct values are categorical (many: hashed; nearly all distinct: an identifier; long
/// multi-word values: text), date-times become their parts, and columns that cannot help (constant, all
/// missing, identifiers) are left out.
/// </summary>
internal static class ColumnInference
{
    /// <summary>At most this many distinct values make a string column one-hot encoded.</summary>
    public const int MaxOneHotCategories = 64;

    /// <summary>Distinct values per non-missing value above which a string column is an identifier (or text).</summary>
    public const double IdDistinctRatio = 0.95;

    /// <summary>Words per value from which a string column is text rather than a category.</summary>
    public const double TextMeanWords = 3;

    public static IReadOnlyList<ColumnProfile> Infer(DataFrame frame, IReadOnlyCollection<string> inputColumns, FeaturizationSettings settings)
    {
        var profiles = new List<ColumnProfile>(inputColumns.Count);
        foreach (string name in inputColumns)
        {
            DataFrameColumn column = frame[name];
            (int missing, int distinct) = Count(column);
            ColumnPurpose purpose;
            bool byUser = false;
            if (settings.DropColumns.Contains(name))
            {
                purpose = ColumnPurpose.Ignore;
                byUser = true;
            }
            else if (settings.Purposes.TryGetValue(name, out ColumnPurpose chosen))
            {
                purpose = Check(column, chosen);
                byUser = true;
            }
            else
            {
                purpose = settings.Enabled ? Encodable(InferPurpose(column, missing, distinct), settings.BlockedTransformers) : Unfeaturized(column);
            }

            profiles.Add(new ColumnProfile
            {
                Name = name,
                DataType = column.DataType,
                Purpose = purpose,
                RowCount = column.Length,
                MissingCount = missing,
                DistinctCount = distinct,
                SetByUser = byUser,
            });
        }

        return profiles;
    }

    private static ColumnPurpose InferPurpose(DataFrameColumn column, int missing, int distinct)
    {
        int present = column.Length - missing;
        if (present == 0) return ColumnPurpose.AllMissing;
        if (distinct == 1 && missing == 0) return ColumnPurpose.Constant;
        switch (column.DataType)
        {
            case DataFrameColumnType.Boolean:
                return ColumnPurpose.Boolean;
            case DataFrameColumnType.DateTime:
                return ColumnPurpose.DateTime;
            case DataFrameColumnType.Integer:
                return IsSequentialId(column, missing, distinct) ? ColumnPurpose.Id : ColumnPurpose.Numeric;
            case DataFrameColumnType.Float:
                return ColumnPurpose.Numeric;
            default:
                if (distinct <= MaxOneHotCategories && distinct < present) return ColumnPurpose.Categorical;
                bool mostlyDistinct = distinct >= IdDistinctRatio * present;
                if (MeanWords(column) >= TextMeanWords) return ColumnPurpose.Text;
                return mostlyDistinct ? ColumnPurpose.Id : ColumnPurpose.CategoricalHash;
        }
    }

    // Blocking one categorical encoder moves its columns to the other; blocking both leaves them out.
    private static ColumnPurpose Encodable(ColumnPurpose purpose, IReadOnlySet<string> blocked)
    {
        bool oneHot = !blocked.Contains(FeaturizationSettings.OneHotEncoder);
        bool hash = !blocked.Contains(FeaturizationSettings.HashOneHotEncoder);
        return purpose switch
        {
            ColumnPurpose.Categorical when !oneHot => hash ? ColumnPurpose.CategoricalHash : ColumnPurpose.Ignore,
            ColumnPurpose.CategoricalHash when !hash => oneHot ? ColumnPurpose.Categorical : ColumnPurpose.Ignore,
            _ => purpose,
        };
    }

    private static ColumnPurpose Unfeaturized(DataFrameColumn column) => column.DataType switch
    {
        DataFrameColumnType.Integer or DataFrameColumnType.Float => ColumnPurpose.Numeric,
        DataFrameColumnType.Boolean => ColumnPurpose.Boolean,
        _ => throw new ConfigException(
            $"Column '{column.Name}' holds {column.DataType} values, but featurization is 'off', which needs numeric and boolean columns only. " +
            "Use featurization: \"auto\", drop the column, or convert it to numbers first.", "featurization"),
    };

    // A purpose the user set must fit the column's values.
    private static ColumnPurpose Check(DataFrameColumn column, ColumnPurpose purpose)
    {
        bool fits = purpose switch
        {
            ColumnPurpose.Numeric => column.DataType is DataFrameColumnType.Integer or DataFrameColumnType.Float or DataFrameColumnType.Boolean,
            ColumnPurpose.DateTime => column.DataType == DataFrameColumnType.DateTime,
            _ => true,
        };
        if (!fits)
        {
            throw new ConfigException(
                $"Column '{column.Name}' holds {column.DataType} values and cannot have the purpose '{FeaturizationPurposes.Name(purpose)}'.", "featurization");
        }

        return purpose == ColumnPurpose.Numeric && column.DataType == DataFrameColumnType.Boolean ? ColumnPurpose.Boolean : purpose;
    }

    // Integers that are all distinct and fill a range exactly (1..n, 1000..1000+n-1) number the rows.
    private static bool IsSequentialId(DataFrameColumn column, int missing, int distinct)
    {
        if (missing > 0 || distinct != column.Length || column.Length < 20) return false;
        long min = long.MaxValue, max = long.MinValue;
        for (int row = 0; row < column.Length; row++)
        {
            long value = column.GetInt64(row);
            if (value < min) min = value;
            if (value > max) max = value;
        }

        return max - min == column.Length - 1;
    }

    private static double MeanWords(DataFrameColumn column)
    {
        long words = 0;
        int values = 0;
        for (int row = 0; row < column.Length; row++)
        {
            string? text = column.GetString(row);
            if (string.IsNullOrEmpty(text)) continue;
            values++;
            words += text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return values == 0 ? 0 : (double)words / values;
    }

    private static (int Missing, int Distinct) Count(DataFrameColumn column)
    {
        int missing = 0;
        var seen = new HashSet<object>();
        for (int row = 0; row < column.Length; row++)
        {
            object? value = column[row];
            if (value is null || (value is string s && s.Length == 0) || (value is double d && double.IsNaN(d))) missing++;
            else seen.Add(value);
        }

        return (missing, seen.Count);
    }
}
