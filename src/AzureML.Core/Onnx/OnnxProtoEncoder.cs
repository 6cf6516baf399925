using System.Runtime.InteropServices;

namespace AzureML.Core.Onnx;

/// <summary>
/// Encodes the writer's objects as onnx.proto messages. Field numbers are those of onnx.in.proto; repeated
/// attribute values and tensor dims are written unpacked (one key per element), which is their declared encoding.
/// </summary>
internal static class OnnxProtoEncoder
{
    /// <summary>Writes a <c>ModelProto</c>.</summary>
    /// <param name="w">The output.</param>
    /// <param name="model">The model.</param>
    public static void WriteModel(ProtobufWriter w, OnnxModelWriter model)
    {
        w.WriteInt64(1, model.IrVersion);
        WriteOptional(w, 2, model.ProducerName);
        WriteOptional(w, 3, model.ProducerVersion);
        WriteOptional(w, 4, model.Domain);
        w.WriteInt64(5, model.ModelVersion);
        WriteOptional(w, 6, model.DocString);
        w.WriteMessage(7, model.Graph, WriteGraph);
        IReadOnlyList<OnnxOperatorSet> operatorSets = model.OperatorSets.Count > 0 ? model.OperatorSets
            : [new(OnnxOperatorSet.DefaultDomain, 15), new(OnnxOperatorSet.MLDomain, 3)];
        foreach (OnnxOperatorSet set in operatorSets)
        {
            w.WriteMessage(8, set, static (m, s) =>
            {
                m.WriteString(1, s.Domain);
                m.WriteInt64(2, s.Version);
            });
        }
        foreach (KeyValuePair<string, string> entry in model.Metadata)
        {
            w.WriteMessage(14, entry, static (m, e) =>
            {
                m.WriteString(1, e.Key);
                m.WriteString(2, e.Value);
            });
        }
    }

    /// <summary>Writes a <c>GraphProto</c>.</summary>
    /// <param name="w">The output.</param>
    /// <param name="graph">The graph.</param>
    public static void WriteGraph(ProtobufWriter w, OnnxGraphBuilder graph)
    {
        foreach (OnnxNodeBuilder node in graph.Nodes)
            w.WriteMessage(1, node, WriteNode);
        w.WriteString(2, graph.Name);
        foreach (KeyValuePair<string, OnnxTensor> initializer in graph.Initializers)
            w.WriteMessage(5, initializer, static (m, i) => WriteTensor(m, i.Value, i.Key));
        foreach (OnnxValueInfo input in graph.Inputs)
            w.WriteMessage(11, input, WriteValueInfo);
        foreach (OnnxValueInfo output in graph.Outputs)
            w.WriteMessage(12, output, WriteValueInfo);
    }

    /// <summary>Writes a <c>NodeProto</c>.</summary>
    /// <param name="w">The output.</param>
    /// <param name="node">The node.</param>
    public static void WriteNode(ProtobufWriter w, OnnxNodeBuilder node)
    {
        foreach (string input in node.Inputs)
            w.WriteString(1, input);
        foreach (string output in node.Outputs)
            w.WriteString(2, output);
        w.WriteString(3, node.Name);
        w.WriteString(4, node.OpType);
        foreach (OnnxAttribute attribute in node.Attributes)
            w.WriteMessage(5, attribute, WriteAttribute);
        WriteOptional(w, 7, node.Domain);
    }

    /// <summary>Writes an <c>AttributeProto</c>, always with its <c>type</c> (the ONNX checker requires it).</summary>
    /// <param name="w">The output.</param>
    /// <param name="attribute">The attribute.</param>
    public static void WriteAttribute(ProtobufWriter w, OnnxAttribute attribute)
    {
        w.WriteString(1, attribute.Name);
        switch (attribute.Value)
        {
            case float f:
                w.WriteFloat(2, f);
                break;
            case long i:
                w.WriteInt64(3, i);
                break;
            case string s:
                w.WriteString(4, s);
                break;
            case OnnxTensor t:
                w.WriteMessage(5, t, static (m, tensor) => WriteTensor(m, tensor, null));
                break;
            case float[] floats:
                foreach (float f in floats)
                    w.WriteFloat(7, f);
                break;
            case long[] ints:
                foreach (long i in ints)
                    w.WriteInt64(8, i);
                break;
            case string[] strings:
                foreach (string s in strings)
                    w.WriteString(9, s);
                break;
        }
        w.WriteInt64(20, (long)attribute.Kind);
    }

    /// <summary>Writes a <c>TensorProto</c>: numbers as little-endian <c>raw_data</c>, strings as <c>string_data</c>.</summary>
    /// <param name="w">The output.</param>
    /// <param name="tensor">The tensor.</param>
    /// <param name="name">The initializer name, or null inside an attribute.</param>
    public static void WriteTensor(ProtobufWriter w, OnnxTensor tensor, string? name)
    {
        foreach (long dim in tensor.ShapeArray)
            w.WriteInt64(1, dim);
        w.WriteInt64(2, (long)tensor.ElementType);
        if (name is not null)
            w.WriteString(8, name);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Writing ONNX tensors requires a little-endian machine.");
        switch (tensor.Data)
        {
            case string[] strings:
                foreach (string s in strings)
                    w.WriteString(6, s);
                break;
            case float[] floats:
                w.WriteBytes(9, MemoryMarshal.AsBytes(floats.AsSpan()));
                break;
            case double[] doubles:
                w.WriteBytes(9, MemoryMarshal.AsBytes(doubles.AsSpan()));
                break;
            case long[] int64s:
                w.WriteBytes(9, MemoryMarshal.AsBytes(int64s.AsSpan()));
                break;
            case int[] int32s:
                w.WriteBytes(9, MemoryMarshal.AsBytes(int32s.AsSpan()));
                break;
            case bool[] bools:
                w.WriteBytes(9, MemoryMarshal.AsBytes(bools.AsSpan()));
                break;
        }
    }

    /// <summary>Writes a <c>ValueInfoProto</c>.</summary>
    /// <param name="w">The output.</param>
    /// <param name="info">The name and type.</param>
    public static void WriteValueInfo(ProtobufWriter w, OnnxValueInfo info)
    {
        w.WriteString(1, info.Name);
        w.WriteMessage(2, info.Type, WriteType);
    }

    /// <summary>Writes a <c>TypeProto</c> (tensor, sequence or map).</summary>
    /// <param name="w">The output.</param>
    /// <param name="type">The type.</param>
    public static void WriteType(ProtobufWriter w, OnnxType type)
    {
        switch (type.Kind)
        {
            case OnnxValueKind.Tensor:
                w.WriteMessage(1, type, static (t, tensor) =>
                {
                    t.WriteInt64(1, (long)tensor.ElementType);
                    if (tensor.Shape is { } shape)
                        t.WriteMessage(2, shape, static (s, dims) =>
                        {
                            foreach (OnnxDimension dim in dims)
                                s.WriteMessage(1, dim, WriteDimension);
                        });
                });
                break;
            case OnnxValueKind.Sequence:
                w.WriteMessage(4, type.ValueType!, static (s, element) => s.WriteMessage(1, element, WriteType));
                break;
            case OnnxValueKind.Map:
                w.WriteMessage(5, type, static (m, map) =>
                {
                    m.WriteInt64(1, (long)map.KeyType);
                    m.WriteMessage(2, map.ValueType!, WriteType);
                });
                break;
            default:
                throw new NotSupportedException($"The ONNX writer cannot declare values of kind {type.Kind}.");
        }
    }

    private static void WriteDimension(ProtobufWriter w, OnnxDimension dim)
    {
        // A dimension with neither field set means "unknown size".
        if (dim.Size is { } size)
            w.WriteInt64(1, size);
        else if (dim.Name is { } name)
            w.WriteString(2, name);
    }

    private static void WriteOptional(ProtobufWriter w, int field, string value)
    {
        if (value.Length > 0)
            w.WriteString(field, value);
    }
}
