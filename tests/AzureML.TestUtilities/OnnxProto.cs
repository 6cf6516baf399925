using Google.Protobuf;
using Onnx;
using AttributeType = Onnx.AttributeProto.Types.AttributeType;
using DataType = Onnx.TensorProto.Types.DataType;
using Dimension = Onnx.TensorShapeProto.Types.Dimension;

namespace AzureML.TestUtilities;

/// <summary>
/// Short factories over the public ONNX protobuf classes (OnnxSharp's <see cref="ModelProto"/> and friends), so a test
/// model reads like the graph it describes. Defaults follow what skl2onnx writes for opset 15: IR version 8,
/// ai.onnx 15 and ai.onnx.ml 3.
/// </summary>
public static class OnnxProto
{
    public const string MLDomain = "ai.onnx.ml";

    /// <summary>A model around <paramref name="graph"/> importing ai.onnx 15 and ai.onnx.ml <paramref name="mlOpset"/>.</summary>
    public static ModelProto Model(GraphProto graph, string producerName = "azureml-tests", long mlOpset = 3, string docString = "",
        params (string Key, string Value)[] metadata)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = producerName, DocString = docString, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 15 });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = MLDomain, Version = mlOpset });
        foreach ((string key, string value) in metadata)
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    /// <summary>A graph; nodes without a name are called <c>&lt;op&gt;_&lt;index&gt;</c>.</summary>
    public static GraphProto Graph(ValueInfoProto[] inputs, ValueInfoProto[] outputs, NodeProto[] nodes, TensorProto[]? initializers = null,
        string name = "graph")
    {
        var graph = new GraphProto { Name = name };
        graph.Input.AddRange(inputs);
        graph.Output.AddRange(outputs);
        for (int i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].Name.Length == 0)
                nodes[i].Name = $"{nodes[i].OpType}_{i}";
            graph.Node.Add(nodes[i]);
        }
        graph.Initializer.AddRange(initializers ?? []);
        return graph;
    }

    /// <summary>A node of <paramref name="opType"/> in <paramref name="domain"/> (ai.onnx when empty).</summary>
    public static NodeProto Node(string opType, string[] inputs, string[] outputs, string domain = "", params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    /// <summary>A tensor input or output with the given dimensions (none for a scalar).</summary>
    public static ValueInfoProto Tensor(string name, DataType type, params Dimension[] dims) =>
        new() { Name = name, Type = TensorType(type, new TensorShapeProto { Dim = { dims } }) };

    /// <summary>A tensor input or output whose rank is not declared.</summary>
    public static ValueInfoProto TensorOfUnknownRank(string name, DataType type) => new() { Name = name, Type = TensorType(type, shape: null) };

    /// <summary>A classifier's ZipMap output, <c>seq(map(key, tensor(float)))</c>.</summary>
    public static ValueInfoProto SequenceOfMaps(string name, DataType keyType) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            SequenceType = new TypeProto.Types.Sequence
            {
                ElemType = new TypeProto { MapType = new TypeProto.Types.Map { KeyType = (int)keyType, ValueType = TensorType(DataType.Float, new TensorShapeProto()) } },
            },
        },
    };

    /// <summary>A fixed dimension.</summary>
    public static Dimension Dim(long size) => new() { DimValue = size };

    /// <summary>A symbolic dimension such as the batch <c>N</c>.</summary>
    public static Dimension Dim(string name) => new() { DimParam = name };

    /// <summary>A dimension with neither size nor name.</summary>
    public static Dimension AnyDim() => new();

    /// <summary>A float tensor (an initializer or a tensor attribute's value).</summary>
    public static TensorProto FloatTensor(string name, float[] values, params long[] dims) =>
        new() { Name = name, DataType = (int)DataType.Float, Dims = { dims }, FloatData = { values } };

    /// <summary>An int64 tensor (an initializer or a tensor attribute's value).</summary>
    public static TensorProto Int64Tensor(string name, long[] values, params long[] dims) =>
        new() { Name = name, DataType = (int)DataType.Int64, Dims = { dims }, Int64Data = { values } };

    /// <summary>The serialized model.</summary>
    public static byte[] ToBytes(this ModelProto model) => model.ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/>.</summary>
    public static void Save(this ModelProto model, string path) => File.WriteAllBytes(path, model.ToByteArray());

    private static TypeProto TensorType(DataType type, TensorShapeProto? shape) =>
        new() { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } };

    /// <summary>Node attributes, one factory per attribute type.</summary>
    public static class Attr
    {
        public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };

        public static AttributeProto Ints(string name, params long[] values) => new() { Name = name, Type = AttributeType.Ints, Ints = { values } };

        public static AttributeProto Floats(string name, params float[] values) => new() { Name = name, Type = AttributeType.Floats, Floats = { values } };

        public static AttributeProto String(string name, string value) =>
            new() { Name = name, Type = AttributeType.String, S = ByteString.CopyFromUtf8(value) };

        public static AttributeProto Strings(string name, params string[] values) =>
            new() { Name = name, Type = AttributeType.Strings, Strings = { values.Select(ByteString.CopyFromUtf8) } };

        public static AttributeProto Tensor(string name, TensorProto value) => new() { Name = name, Type = AttributeType.Tensor, T = value };
    }
}
