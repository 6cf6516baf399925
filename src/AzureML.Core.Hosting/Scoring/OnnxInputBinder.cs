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

    /// <summary>Reads the rows of <paramref name="body"/> (found by <see cref="RequestRows.Find"/>) into the model's input tensors.</summary>
    /// <exception cref="ScoringRequestException">A row or value the model's inputs cannot take, named by row and column.</exception>
    public OnnxTensor[] Bind(ReadOnlySpan<byte> body, RequestRows rows)
    {
        if (rows.Kind != JsonTokenType.StartArray) throw Bad($"'data' must be an array of rows, not {Describe(rows.Kind)}.");
        if (rows.Count == 0) throw Bad("'data' has no rows.");
        ReadOnlySpan<byte> data = body[rows.Offset..];
        var reader = new Utf8JsonReader(data);
        reader.Read();
        reader.Read();
        string[]? names = reader.TokenType == JsonTokenType.StartObject ? NamesFor(reader) : null;
        int columns = names?.Length ?? (reader.TokenType == JsonTokenType.StartArray ? Length(reader) : 1);
        if (FeatureCount is int expected && columns != expected)
        {
            throw Bad($"Each row must have {expected} values ({(ColumnNames is null ? "the model's input width" : string.Join(", ", ColumnNames))}); row 0 has {columns}.");
        }

        Array[] values = PerColumn
            ? _inputs.Select(input => NewValues(input.Type.ElementType, rows.Count)).ToArray()
            : [NewValues(_inputs[0].Type.ElementType, rows.Count * columns)];
        bool[]? seen = names is null ? null : new bool[columns];
        for (int r = 0; r < rows.Count; r++)
        {
            if (r > 0) reader.Read();
            if (names is not null) ReadNamedRow(ref reader, data, r, names, seen!, values);
            else ReadRow(ref reader, data, r, columns, values);
        }

        var tensors = new OnnxTensor[values.Length];
        for (int t = 0; t < tensors.Length; t++)
        {
            OnnxValueInfo input = _inputs[t];
            long[] shape = input.Type.Shape is { Length: 1 } ? [rows.Count] : PerColumn ? [rows.Count, 1] : [rows.Count, columns];
            tensors[t] = OnnxTensor.Wrap(input.Type.ElementType, values[t], shape);
        }

        return tensors;
    }

    private static Array NewValues(OnnxElementType type, int length) => type switch
    {
        OnnxElementType.Float => new float[length],
        OnnxElementType.Double => new double[length],
        OnnxElementType.Int64 => new long[length],
        OnnxElementType.Int32 => new int[length],
        OnnxElementType.Bool => new bool[length],
        _ => new string[length],
    };

    // Converts one cell to its input's element type, in place: a matrix input holds row after row, a column input one value per row.
    private void Store(Array[] values, int row, int column, int columns, in JsonCell cell)
    {
        int position = row * columns + column;
        Array target = PerColumn ? values[column] : values[0];
        int index = PerColumn ? row : position;
        switch (target)
        {
            case float[] floats:
                floats[index] = ToFloat(cell, position, columns);
                break;
            case double[] doubles:
                doubles[index] = ToDouble(cell, position, columns);
                break;
            case long[] longs:
                longs[index] = ToInteger(cell, position, columns, long.MinValue, long.MaxValue, "int64");
                break;
            case int[] ints:
                ints[index] = (int)ToInteger(cell, position, columns, int.MinValue, int.MaxValue, "int32");
                break;
            case bool[] bools:
                bools[index] = ToBoolean(cell, position, columns);
                break;
            default:
                ((string[])target)[index] = ToText(cell, position, columns);
                break;
        }
    }

    // The names of row 0's columns when the model does not name them; in the order row 0 has them.
    private string[] NamesFor(Utf8JsonReader row)
    {
        if (ColumnNames is not null) return ColumnNames.ToArray();
        var names = new List<string>();
        while (row.Read() && row.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(NameOf(ref row, 0));
            row.Read();
            row.Skip();
        }

        return names.ToArray();
    }

    private static int Length(Utf8JsonReader array) => array.Read() && array.TokenType != JsonTokenType.EndArray ? CountFrom(array) : 0;

    private void ReadNamedRow(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, int index, string[] names, bool[] seen, Array[] values)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Bad($"Row {index} is {Describe(reader.TokenType)}; all rows must be objects like row 0.");
        Array.Clear(seen);
        int member = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int column = ColumnOf(ref reader, index, names, member++);
            reader.Read();
            if (column < 0)
            {
                reader.Skip();
                continue;
            }

            Store(values, index, column, names.Length, new JsonCell(ref reader, data));
            seen[column] = true;
        }

        int missing = Array.IndexOf(seen, false);
        if (missing >= 0) throw Bad($"Row {index} has no column '{names[missing]}'. Expected columns: {string.Join(", ", names)}.");
    }

    // Rows usually list their columns in the model's order, so the member's own position is tried first.
    private static int ColumnOf(ref Utf8JsonReader reader, int index, string[] names, int member)
    {
        if (reader.ValueIsEscaped) return Array.IndexOf(names, NameOf(ref reader, index));
        if (member < names.Length && reader.ValueTextEquals(names[member])) return member;
        for (int c = 0; c < names.Length; c++)
        {
            if (reader.ValueTextEquals(names[c])) return c;
        }

        return -1;
    }

    private static string NameOf(ref Utf8JsonReader reader, int index)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Bad($"Row {index} has a column name that is not valid Unicode text: {UnpairedSurrogate}.");
        }
    }

    private void ReadRow(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, int index, int columns, Array[] values)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            int c = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (c == columns) throw Bad($"Row {index} has {c + CountFrom(reader)} values; row 0 has {columns}.");
                Store(values, index, c++, columns, new JsonCell(ref reader, data));
            }

            if (c != columns) throw Bad($"Row {index} has {c} values; row 0 has {columns}.");
            return;
        }

        if (columns != 1 || reader.TokenType == JsonTokenType.StartObject) throw Bad($"Row {index} is {Describe(reader.TokenType)}; rows must be arrays of values or objects of column → value.");
        Store(values, index, 0, columns, new JsonCell(ref reader, data));
    }

    // The values of an array from the one the reader is on to the array's end.
    private static int CountFrom(Utf8JsonReader reader)
    {
        int count = 0;
        do
        {
            count++;
            reader.Skip();
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
        return count;
    }

    private float ToFloat(in JsonCell cell, int position, int columns)
    {
        double value = ToDouble(cell, position, columns, "float", s_floatMax);
        float narrowed = (float)value;
        if (float.IsInfinity(narrowed)) throw OutOfRange(cell, position, columns, "float", s_floatMax);
        return narrowed;
    }

    private double ToDouble(in JsonCell cell, int position, int columns) => ToDouble(cell, position, columns, "double", s_doubleMax);

    // A finite double, or NaN for a missing value when the model takes them; narrowing to float is the caller's.
    private double ToDouble(in JsonCell cell, int position, int columns, string typeName, string largest)
    {
        double value = NumberOf(cell, position, columns) ?? throw Uncoercible(cell, position, columns, "a number");
        if (double.IsNaN(value)) return Missing(cell, position, columns);
        if (double.IsInfinity(value))
        {
            // "Infinity" asks for an infinity; 1e999999 is a number too large for the type.
            throw cell.Kind == JsonTokenType.String && cell.Raw.IndexOfAnyInRange((byte)'0', (byte)'9') < 0
                ? Bad($"{Where(position, columns)}: {cell.Shown()} is not a finite number; infinities are not accepted.")
                : OutOfRange(cell, position, columns, typeName, largest);
        }

        return value;
    }

    private double Missing(in JsonCell cell, int position, int columns)
        => _allowNan
            ? double.NaN
            : throw Bad($"{Where(position, columns)}: {cell.Shown()} is a missing value, which this model does not take (its metadata has no {AllowNanKey}=true); send a number.");

    private long ToInteger(in JsonCell cell, int position, int columns, long min, long max, string typeName)
    {
        // An integer literal is read exactly; through a double, integers above 2^53 would change.
        if (cell.Kind == JsonTokenType.Number && cell.TryGetInt64(out long value)
            || cell.Kind == JsonTokenType.String && long.TryParse(ReadText(cell, position, columns).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
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
    private double? NumberOf(in JsonCell cell, int position, int columns)
    {
        switch (cell.Kind)
        {
            case JsonTokenType.Number:
                return cell.GetDouble();
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            case JsonTokenType.Null:
                return double.NaN;
            case JsonTokenType.String:
                string text = ReadText(cell, position, columns).Trim();
                if (bool.TryParse(text, out bool flag)) return flag ? 1 : 0;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed : null;
            default:
                return null;
        }
    }

    private bool ToBoolean(in JsonCell cell, int position, int columns)
    {
        switch (cell.Kind)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when cell.TryGetDouble(out double d) && (d == 0 || d == 1):
                return d == 1;
            case JsonTokenType.String:
                string text = ReadText(cell, position, columns).Trim();
                if (bool.TryParse(text, out bool flag)) return flag;
                if (text is "0" or "1") return text == "1";
                break;
        }

        throw Uncoercible(cell, position, columns, "true or false");
    }

    private string ToText(in JsonCell cell, int position, int columns) => cell.Kind switch
    {
        JsonTokenType.String => ReadText(cell, position, columns),
        JsonTokenType.Null => "",
        _ => cell.RawText(),
    };

    // A JSON string can escape half of a surrogate pair (\ud800) alone, which is no text at all.
    private string ReadText(in JsonCell cell, int position, int columns)
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

    private ScoringRequestException OutOfRange(in JsonCell cell, int position, int columns, string typeName, string largest)
        => Bad($"{Where(position, columns)}: {cell.Shown()} is out of range for the model's {typeName} input (largest magnitude {largest}).");

    private ScoringRequestException Uncoercible(in JsonCell cell, int position, int columns, string wanted)
        => Bad($"{Where(position, columns)}: {cell.Shown()} is not {wanted}.");

    private string Where(int position, int columns)
    {
        int row = position / columns;
        int column = position % columns;
        string name = ColumnNames is { } names && column < names.Count ? $"'{names[column]}'" : column.ToString(CultureInfo.InvariantCulture);
        return $"Row {row}, column {name}";
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

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        _ => "a boolean",
    };

    private static ScoringRequestException Bad(string message) => new(400, message);
}
