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
/// <remarks>
/// A value the element type cannot hold is refused, naming its row and column: a number beyond the type's range
/// (<c>1e308</c> for float), a fraction for an integer, and a missing value (<c>null</c>, <c>"NaN"</c>) unless the
/// model's metadata says it takes them (<see cref="AllowNanKey"/> = <c>true</c>, as a model with an imputer would).
/// Infinities are never taken, as scikit-learn's own input checks never take them.
/// </remarks>
internal sealed class OnnxInputBinder
{
    /// <summary>Why a JSON string escaping one half of a surrogate pair alone is not text.</summary>
    public const string UnpairedSurrogate = "it holds half of a surrogate pair (an escape such as \\ud800 without its \\udc00-\\udfff partner)";

    /// <summary>The metadata key by which a model says it takes missing values (NaN) in float and double inputs.</summary>
    public const string AllowNanKey = "allow_nan";


    private static readonly string s_floatMax = float.MaxValue.ToString("R", CultureInfo.InvariantCulture);
    private static readonly string s_doubleMax = double.MaxValue.ToString("R", CultureInfo.InvariantCulture);

    private readonly OnnxValueInfo[] _inputs;
    private readonly int? _featureCount;
    private readonly bool _allowNan;

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
        _allowNan = model.Metadata.CustomMetadata.TryGetValue(AllowNanKey, out string? allow) && bool.TryParse(allow, out bool allowed) && allowed;
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
        try
        {
            return firstRow.EnumerateObject().Select(p => p.Name).ToArray();
        }
        catch (InvalidOperationException)
        {
            throw Bad($"Row 0 has a column name that is not valid Unicode text: {UnpairedSurrogate}.");
        }
    }

    private static void ReadRow(JsonElement row, int index, string[]? names, int columns, Span<JsonElement> target)
    {
        if (names is not null)
        {
            if (row.ValueKind != JsonValueKind.Object) throw Bad($"Row {index} is {Describe(row.ValueKind)}; all rows must be objects like row 0.");
            for (int c = 0; c < names.Length; c++)
            {
                if (!TryGetColumn(row, index, names[c], out target[c])) throw Bad($"Row {index} has no column '{names[c]}'. Expected columns: {string.Join(", ", names)}.");
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

    // Looking a name up compares it with every escaped name of the row, which fails on one that is no text.
    private static bool TryGetColumn(JsonElement row, int index, string name, out JsonElement value)
    {
        try
        {
            return row.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            throw Bad($"Row {index} has a column name that is not valid Unicode text: {UnpairedSurrogate}.");
        }
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
                for (int i = 0; i < count; i++) floats[i] = ToFloat(cells[start + i * stride], start + i * stride, columns);
                return floats;
            case OnnxElementType.Double:
                var doubles = new double[count];
                for (int i = 0; i < count; i++) doubles[i] = ToDouble(cells[start + i * stride], start + i * stride, columns);
                return doubles;
            case OnnxElementType.Int64:
                var longs = new long[count];
                for (int i = 0; i < count; i++) longs[i] = ToInteger(cells[start + i * stride], start + i * stride, columns, long.MinValue, long.MaxValue, "int64");
                return longs;
            case OnnxElementType.Int32:
                var ints = new int[count];
                for (int i = 0; i < count; i++) ints[i] = (int)ToInteger(cells[start + i * stride], start + i * stride, columns, int.MinValue, int.MaxValue, "int32");
                return ints;
            case OnnxElementType.Bool:
                var bools = new bool[count];
                for (int i = 0; i < count; i++) bools[i] = ToBoolean(cells[start + i * stride], start + i * stride, columns);
                return bools;
            default:
                var strings = new string[count];
                for (int i = 0; i < count; i++) strings[i] = ToText(cells[start + i * stride], start + i * stride, columns);
                return strings;
        }
    }

    private float ToFloat(JsonElement cell, int position, int columns)
    {
        double value = ToDouble(cell, position, columns, "float", s_floatMax);
        float narrowed = (float)value;
        if (float.IsInfinity(narrowed)) throw OutOfRange(cell, position, columns, "float", s_floatMax);
        return narrowed;
    }

    private double ToDouble(JsonElement cell, int position, int columns) => ToDouble(cell, position, columns, "double", s_doubleMax);

    // A finite double, or NaN for a missing value when the model takes them; narrowing to float is the caller's.
    private double ToDouble(JsonElement cell, int position, int columns, string typeName, string largest)
    {
        double value = NumberOf(cell, position, columns) ?? throw Uncoercible(cell, position, columns, "a number");
        if (double.IsNaN(value)) return Missing(cell, position, columns);
        if (double.IsInfinity(value))
        {
            // "Infinity" asks for an infinity; 1e999999 is a number too large for the type.
            throw cell.ValueKind == JsonValueKind.String && !cell.GetRawText().Any(char.IsAsciiDigit)
                ? Bad($"{Where(position, columns)}: {Shown(cell)} is not a finite number; infinities are not accepted.")
                : OutOfRange(cell, position, columns, typeName, largest);
        }

        return value;
    }

    private double Missing(JsonElement cell, int position, int columns)
        => _allowNan
            ? double.NaN
            : throw Bad($"{Where(position, columns)}: {Shown(cell)} is a missing value, which this model does not take (its metadata has no {AllowNanKey}=true); send a number.");

    private long ToInteger(JsonElement cell, int position, int columns, long min, long max, string typeName)
    {
        // An integer literal is read exactly; through a double, integers above 2^53 would change.
        if (cell.ValueKind == JsonValueKind.Number && cell.TryGetInt64(out long value)
            || cell.ValueKind == JsonValueKind.String && long.TryParse(ReadText(cell, position, columns).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            if (value < min || value > max) throw OutOfRange(cell, position, columns, typeName, max.ToString(CultureInfo.InvariantCulture));
            return value;
        }

        // Not an exact integer: a whole number beyond int64, a fraction, "true", 1.0, or no number at all.
        double number = NumberOf(cell, position, columns) ?? throw Uncoercible(cell, position, columns, "a whole number");
        if (double.IsInfinity(number) || (number == Math.Floor(number) && Math.Abs(number) >= 9.2e18))
        {
            throw OutOfRange(cell, position, columns, typeName, max.ToString(CultureInfo.InvariantCulture));
        }

        if (double.IsNaN(number) || number != Math.Floor(number)) throw Uncoercible(cell, position, columns, "a whole number");
        return (long)number;
    }

    // The cell as the number the client wrote: booleans as 1 and 0, numeric strings parsed, null and "NaN" as NaN, a
    // literal beyond double's range as an infinity; null when it is no number at all.
    private double? NumberOf(JsonElement cell, int position, int columns)
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
                string text = ReadText(cell, position, columns).Trim();
                if (bool.TryParse(text, out bool flag)) return flag ? 1 : 0;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed : null;
            default:
                return null;
        }
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
                string text = ReadText(cell, position, columns).Trim();
                if (bool.TryParse(text, out bool flag)) return flag;
                if (text is "0" or "1") return text == "1";
                break;
        }

        throw Uncoercible(cell, position, columns, "true or false");
    }

    private string ToText(JsonElement cell, int position, int columns) => cell.ValueKind switch
    {
        JsonValueKind.String => ReadText(cell, position, columns),
        JsonValueKind.Null => "",
        _ => cell.GetRawText(),
    };

    // A JSON string can escape half of a surrogate pair (\ud800) alone, which is no text at all.
    private string ReadText(JsonElement cell, int position, int columns)
    {
        try
        {
            return cell.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Bad($"{Where(position, columns)}: the string is not valid Unicode text: {UnpairedSurrogate}.");
        }
    }

    private ScoringRequestException OutOfRange(JsonElement cell, int position, int columns, string typeName, string largest)
        => Bad($"{Where(position, columns)}: {Shown(cell)} is out of range for the model's {typeName} input (largest magnitude {largest}).");

    private ScoringRequestException Uncoercible(JsonElement cell, int position, int columns, string wanted)
        => Bad($"{Where(position, columns)}: {Shown(cell)} is not {wanted}.");

    private string Where(int position, int columns)
    {
        int row = position / columns;
        int column = position % columns;
        string name = ColumnNames is { } names && column < names.Count ? $"'{names[column]}'" : column.ToString(CultureInfo.InvariantCulture);
        return $"Row {row}, column {name}";
    }

    // The value as the client wrote it, cut short: a cell can be a whole nested document.
    private static string Shown(JsonElement cell)
    {
        string raw = cell.GetRawText();
        return raw.Length <= 60 ? raw : raw[..57] + "...";
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
