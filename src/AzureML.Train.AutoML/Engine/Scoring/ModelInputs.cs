using AzureML.Core;
using AzureML.Core.Data;
using AzureML.Train.AutoML.Engine.Data;

namespace AzureML.Train.AutoML.Engine.Scoring;

/// <summary>
/// Turns a data frame into an engine model's input columns, converting each value as training did: numbers
/// and booleans to float (NaN when missing), categories to text (empty when missing), date-times to seconds
/// since 1970-01-01 UTC. Columns the model does not take are ignored.
/// </summary>
internal static class ModelInputs
{
    public static Dictionary<string, Array> FromDataFrame(DataFrame frame, IReadOnlyList<(string Name, OnnxSession.ElementKind Kind)> inputs)
    {
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach ((string name, OnnxSession.ElementKind kind) in inputs)
        {
            if (!frame.TryGetColumn(name, out DataFrameColumn? column))
            {
                throw new UserErrorException(
                    $"The data has no column '{name}', which the model takes. The model's columns: {string.Join(", ", inputs.Select(i => $"'{i.Name}'"))}.");
            }

            columns[name] = kind switch
            {
                OnnxSession.ElementKind.Float => Floats(column),
                OnnxSession.ElementKind.String => Strings(column),
                OnnxSession.ElementKind.Double => Seconds(column),
                _ => throw new NotSupportedException($"The model input '{name}' has an element type the engine never produces."),
            };
        }

        return columns;
    }

    private static float[] Floats(DataFrameColumn column)
    {
        if (column.DataType is DataFrameColumnType.String or DataFrameColumnType.DateTime)
        {
            throw new UserErrorException($"Column '{column.Name}' holds {column.DataType} values, but the model takes numbers there.");
        }

        var values = new float[column.Length];
        for (int row = 0; row < values.Length; row++) values[row] = (float)column.GetDouble(row);
        return values;
    }

    private static string[] Strings(DataFrameColumn column)
    {
        var values = new string[column.Length];
        for (int row = 0; row < values.Length; row++)
        {
            values[row] = column[row] switch
            {
                null => "",
                string s => s,
                object other => ClassLabels.Format(other),
            };
        }

        return values;
    }

    private static double[] Seconds(DataFrameColumn column)
    {
        if (column.DataType != DataFrameColumnType.DateTime) throw new UserErrorException($"Column '{column.Name}' holds {column.DataType} values, but the model takes date-times there.");
        var values = new double[column.Length];
        for (int row = 0; row < values.Length; row++) values[row] = column.IsNull(row) ? double.NaN : DateTimeParts.ToUnixSeconds(column.GetDateTime(row));
        return values;
    }
}
