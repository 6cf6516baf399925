using System.Globalization;
using System.Text.Json;
using AzureML.Core.Onnx;

namespace AzureML.Core.Hosting.Scoring;

/// <summary>
/// Turns the rows of a scoring request (<c>{"data": [[…], …]}</c> positional or <c>{"data": [{"col": v}, …]}</c>
/// named) into the model's input tensors, coercing each value to the input's element type so requests
/// written with strings (<c>"60"</c>, <c>"false"</c>) work. Two model shapes are served: one matrix input
/// <c>[N, F]</c> (columns named by the <c>feature_names</c> metadata when the model has it), or one input per
/// column (<c>[N]</c> or <c>[N, 1]</c>).
/// </summary>
internal sealed class OnnxInputBinder
{
    private readonly OnnxValueInfo[] _inputs;
    private readonly int? _featureCount;

    public OnnxInputBinder(OnnxModel model)
    {
        _inputs = model.Inputs.ToArray();
        foreach (OnnxValueInfo input in _inputs)
        {
            if (input.Type.Kind != OnnxValueKind.Tensor || !IsSupported(input.Type.ElementType))
            {
                throw new NotSupportedException($"The model input '{input.Name}' is {input.Type}; scoring services take float, double, int64, int32, bool and string tensors.");
            }
        }

        PerColumn = _inputs.Length > 1;
        if (!PerColumn)
        {
            var shape = _inputs[0].Type.Shape;
            _featureCount = shape is { Length: 2 } s && s[1].IsFixed ? (int)s[1].Size!.Value : shape is { Length: 1 } ? 1 : null;
        }

        ColumnNames = PerColumn
            ? _inputs.Select(i => i.Name).ToArray()
            : FeatureNamesFrom(model.Metadata.CustomMetadata, _featureCount);
    }

    /// <summary>True when every column is its own model input.</summary>
    public bool PerColumn { get; }

    /// <summary>Column names a named-row request uses, or <c>null</c> when the model does not say.</summary>
    public IReadOnlyList<string>? ColumnNames { get; }

    /// <summary>The number of values per row, when fixed.</summary>
    public int? FeatureCount => PerColumn ? _inputs.Length : _featureCount;

    /// <summary>The element type of column <paramref name="index"/>.</summary>
    public OnnxElementType ColumnType(int index) => PerColumn ? _inputs[index].Type.ElementType : _inputs[0].Type.ElementType;

    public OnnxTensor[] Bind(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Array) throw Bad($"'data' must be an array of rows, not {Describe(data.ValueKind)}.");
        int rows = data.GetArrayLength();
        if (rows == 0) throw Bad("'data' has no rows.");
        JsonElement first = data[0];
        string[]? names = first.ValueKind == JsonValueKind.Object ? NamesFor(first) : null;
        int columns = names?.Length ?? (first.ValueKind == JsonValueKind.Array ? first.GetArrayLength() : 1);
        if (FeatureCount is int expected && columns != expected)
        {
            throw Bad($"Each row must have {expected} values ({(ColumnNames is null ? "the model's input width" : string.Join(", ", ColumnNames))}); row 0 has {columns}.");
        }

        var cells = new JsonElement[rows * columns];
        int r = 0;
        foreach (JsonElement row in data.EnumerateArray())
        {
            ReadRow(row, r, names, columns, cells.AsSpan(r * columns, columns));
            r++;
        }

        return PerColumn ? ColumnTensors(cells, rows, columns) : new[] { MatrixTensor(cells, rows, columns) };
    }

    private string[] NamesFor(JsonElement firstRow)
    {
        if (ColumnNames is not null) return ColumnNames.ToArray();
        return firstRow.EnumerateObject().Select(p => p.Name).ToArray();
    }

    private static void ReadRow(JsonElement row, int index, string[]? names, int columns, Span<JsonElement> target)
    {
        if (names is not null)
        {
            if (row.ValueKind != JsonValueKind.Object) throw Bad($"Row {index} is {Describe(row.ValueKind)}; all rows must be objects like row 0.");
            for (int c = 0; c < names.Length; c++)
            {
                if (!row.TryGetProperty(names[c], out target[c])) throw Bad($"Row {index} has no column '{names[c]}'. Expected columns: {string.Join(", ", names)}.");
            }

            return;
        }

        if (row.ValueKind == JsonValueKind.Array)
        {
            if (row.GetArrayLength() != columns) throw Bad($"Row {index} has {row.GetArrayLength()} values; row 0 has {columns}.");
            int c = 0;
            foreach (JsonElement cell in row.EnumerateArray()) target[c++] = cell;
            return;
        }

        if (columns != 1 || row.ValueKind == JsonValueKind.Object) throw Bad($"Row {index} is {Describe(row.ValueKind)}; rows must be arrays of values or objects of column → value.");
        target[0] = row;
    }

    private OnnxTensor MatrixTensor(JsonElement[] cells, int rows, int columns)
    {
        OnnxElementType type = _inputs[0].Type.ElementType;
        Array values = Convert(type, cells, 0, 1, cells.Length, columns);
        long[] shape = _inputs[0].Type.Shape is { Length: 1 } ? new long[] { rows } : new long[] { rows, columns };
        return OnnxTensor.Wrap(type, values, shape);
    }

    private OnnxTensor[] ColumnTensors(JsonElement[] cells, int rows, int columns)
    {
        var tensors = new OnnxTensor[columns];
        for (int c = 0; c < columns; c++)
        {
            OnnxElementType type = _inputs[c].Type.ElementType;
            Array values = Convert(type, cells, c, columns, rows, columns);
            long[] shape = _inputs[c].Type.Shape is { Length: 1 } ? new long[] { rows } : new long[] { rows, 1 };
            tensors[c] = OnnxTensor.Wrap(type, values, shape);
        }

        return tensors;
    }

    // Reads `count` cells starting at `start`, `stride` apart, as one element type.
    private Array Convert(OnnxElementType type, JsonElement[] cells, int start, int stride, int count, int columns)
    {
        switch (type)
        {
            case OnnxElementType.Float:
                var floats = new float[count];
                for (int i = 0; i < count; i++) floats[i] = (float)ToDouble(cells[start + i * stride], start + i * stride, columns);
                return floats;
            case OnnxElementType.Double:
                var doubles = new double[count];
                for (int i = 0; i < count; i++) doubles[i] = ToDouble(cells[start + i * stride], start + i * stride, columns);
                return doubles;
            case OnnxElementType.Int64:
                var longs = new long[count];
                for (int i = 0; i < count; i++) longs[i] = ToInt64(cells[start + i * stride], start + i * stride, columns);
                return longs;
            case OnnxElementType.Int32:
                var ints = new int[count];
                for (int i = 0; i < count; i++) ints[i] = checked((int)ToInt64(cells[start + i * stride], start + i * stride, columns));
                return ints;
            case OnnxElementType.Bool:
                var bools = new bool[count];
                for (int i = 0; i < count; i++) bools[i] = ToBoolean(cells[start + i * stride], start + i * stride, columns);
                return bools;
            default:
                var strings = new string[count];
                for (int i = 0; i < count; i++) strings[i] = ToText(cells[start + i * stride]);
                return strings;
        }
    }

    private double ToDouble(JsonElement cell, int position, int columns)
    {
        switch (cell.ValueKind)
        {
            case JsonValueKind.Number:
                return cell.GetDouble();
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
            case JsonValueKind.Null:
                return double.NaN;
            case JsonValueKind.String:
                string text = cell.GetString()!.Trim();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
                if (bool.TryParse(text, out bool flag)) return flag ? 1 : 0;
                break;
        }

        throw Uncoercible(cell, position, columns, "a number");
    }

    private long ToInt64(JsonElement cell, int position, int columns)
    {
        double value = ToDouble(cell, position, columns);
        if (double.IsNaN(value) || value != Math.Floor(value) || Math.Abs(value) > 9.2e18) throw Uncoercible(cell, position, columns, "a whole number");
        return (long)value;
    }

    private bool ToBoolean(JsonElement cell, int position, int columns)
    {
        switch (cell.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number when cell.TryGetDouble(out double d) && (d == 0 || d == 1):
                return d == 1;
            case JsonValueKind.String:
                string text = cell.GetString()!.Trim();
                if (bool.TryParse(text, out bool flag)) return flag;
                if (text is "0" or "1") return text == "1";
                break;
        }

        throw Uncoercible(cell, position, columns, "true or false");
    }

    private static string ToText(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => cell.GetString()!,
        JsonValueKind.Null => "",
        _ => cell.GetRawText(),
    };

    private ScoringRequestException Uncoercible(JsonElement cell, int position, int columns, string wanted)
    {
        int row = position / columns;
        int column = position % columns;
        string name = ColumnNames is { } names && column < names.Count ? $"'{names[column]}'" : column.ToString(CultureInfo.InvariantCulture);
        return Bad($"Row {row}, column {name}: {cell.GetRawText()} is not {wanted}.");
    }

    private static IReadOnlyList<string>? FeatureNamesFrom(IReadOnlyDictionary<string, string> metadata, int? featureCount)
    {
        if (!metadata.TryGetValue("feature_names", out string? text)) return null;
        try
        {
            string[]? names = JsonSerializer.Deserialize(text, Internal.SdkJsonContext.Default.StringArray);
            return names is not null && (featureCount is null || names.Length == featureCount) ? names : null;
        }
        catch (JsonException)
        {
            string[] names = text.Split(',', StringSplitOptions.TrimEntries);
            return featureCount is null || names.Length == featureCount ? names : null;
        }
    }

    private static bool IsSupported(OnnxElementType type) => type is OnnxElementType.Float or OnnxElementType.Double or OnnxElementType.Int64
        or OnnxElementType.Int32 or OnnxElementType.Bool or OnnxElementType.String;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };

    private static ScoringRequestException Bad(string message) => new(400, message);
}
