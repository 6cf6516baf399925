using Google.Protobuf;
using Onnx;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>Adds nodes and constants to an ONNX graph under fresh names (OnnxSharp's public protobuf classes).</summary>
internal sealed class OnnxGraphWriter
{
    public const string MLDomain = "ai.onnx.ml";
    private readonly HashSet<string> _names;
    private readonly string _prefix;
    private int _next;

    public OnnxGraphWriter(GraphProto graph, string prefix)
    {
        Graph = graph;
        _prefix = prefix;
        _names = new HashSet<string>(StringComparer.Ordinal);
        foreach (NodeProto node in graph.Node)
        {
            _names.UnionWith(node.Output);
            _names.UnionWith(node.Input);
            _names.Add(node.Name);
        }

        _names.UnionWith(graph.Input.Select(i => i.Name));
        _names.UnionWith(graph.Initializer.Select(i => i.Name));
    }

    public GraphProto Graph { get; }

    /// <summary>A name not used in the graph yet, starting with <paramref name="hint"/>.</summary>
    public string Fresh(string hint)
    {
        string name = _prefix + hint;
        while (!_names.Add(name)) name = $"{_prefix}{hint}_{++_next}";
        return name;
    }

    /// <summary>Adds a node; returns the name of its (first) output, which is <paramref name="output"/> when given.</summary>
    public string Node(string opType, IEnumerable<string> inputs, string? output = null, string domain = "", params (string Name, object Value)[] attributes)
    {
        string result = output ?? Fresh(opType.ToLowerInvariant());
        _names.Add(result);
        var node = new NodeProto { OpType = opType, Domain = domain, Name = Fresh(opType + "_node") };
        node.Input.AddRange(inputs);
        node.Output.Add(result);
        foreach ((string name, object value) in attributes) node.Attribute.Add(Attribute(name, value));
        Graph.Node.Add(node);
        return result;
    }

    public string Constant(float[] values, params long[] dims) => AddInitializer(Tensor(values, dims));

    public string Constant(double[] values, params long[] dims) => AddInitializer(Tensor(values, dims));

    public string Constant(long[] values, params long[] dims) => AddInitializer(Tensor(values, dims));

    public string Constant(string[] values, params long[] dims) => AddInitializer(Tensor(values, dims));

    public string Constant(bool[] values, params long[] dims) => AddInitializer(Tensor(values, dims));

    public string ScalarConstant(double value) => Constant(new[] { value });

    public string ScalarConstant(float value) => Constant(new[] { value });

    private string AddInitializer(TensorProto tensor)
    {
        tensor.Name = Fresh("const");
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public static TensorProto Tensor(float[] values, long[] dims) => WithDims(new TensorProto { DataType = (int)TensorProto.Types.DataType.Float, FloatData = { values } }, dims, values.Length);

    public static TensorProto Tensor(double[] values, long[] dims) => WithDims(new TensorProto { DataType = (int)TensorProto.Types.DataType.Double, DoubleData = { values } }, dims, values.Length);

    public static TensorProto Tensor(long[] values, long[] dims) => WithDims(new TensorProto { DataType = (int)TensorProto.Types.DataType.Int64, Int64Data = { values } }, dims, values.Length);

    public static TensorProto Tensor(string[] values, long[] dims)
        => WithDims(new TensorProto { DataType = (int)TensorProto.Types.DataType.String, StringData = { values.Select(ByteString.CopyFromUtf8) } }, dims, values.Length);

    public static TensorProto Tensor(bool[] values, long[] dims)
        => WithDims(new TensorProto { DataType = (int)TensorProto.Types.DataType.Bool, Int32Data = { values.Select(v => v ? 1 : 0) } }, dims, values.Length);

    // Scalars (no dims given for one value) stay rank 0; anything else gets the dims given or its length.
    private static TensorProto WithDims(TensorProto tensor, long[] dims, int length)
    {
        if (dims.Length > 0) tensor.Dims.AddRange(dims);
        else if (length != 1) tensor.Dims.Add(length);
        return tensor;
    }

    /// <summary>A tensor value description: element type and dimensions, with -1 for the batch dimension.</summary>
    public static ValueInfoProto TensorInfo(string name, TensorProto.Types.DataType type, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long dim in dims)
        {
            shape.Dim.Add(dim < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "N" } : new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static AttributeProto Attribute(string name, object value) => value switch
    {
        long i => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = i },
        int i => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = i },
        float f => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = f },
        string s => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(s) },
        long[] ints => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints, Ints = { ints } },
        float[] floats => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats, Floats = { floats } },
        string[] strings => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings, Strings = { strings.Select(ByteString.CopyFromUtf8) } },
        _ => throw new NotSupportedException($"Attribute values of type {value.GetType().Name} are not supported."),
    };
}
