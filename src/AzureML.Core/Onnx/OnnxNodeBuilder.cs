namespace AzureML.Core.Onnx;

/// <summary>One operator call in a graph being written: its op type, domain, input and output names and attributes.</summary>
internal sealed class OnnxNodeBuilder
{
    private readonly List<OnnxAttribute> _attributes = [];

    /// <summary>Creates a node; use <see cref="OnnxGraphBuilder.AddNode"/> to add one to a graph.</summary>
    /// <param name="opType">The operator, for example <c>MatMul</c>.</param>
    /// <param name="inputs">Input value names, in the operator's order (an empty string skips an optional input).</param>
    /// <param name="outputs">Output value names, in the operator's order.</param>
    /// <param name="domain">The operator's domain.</param>
    /// <param name="name">The node name.</param>
    public OnnxNodeBuilder(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, string domain, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        OpType = opType;
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        Domain = domain;
        Name = name;
    }

    /// <summary>The operator.</summary>
    public string OpType { get; }

    /// <summary>The operator's domain (<c>""</c> for ai.onnx).</summary>
    public string Domain { get; }

    /// <summary>The node name.</summary>
    public string Name { get; }

    /// <summary>The input value names.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The output value names.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The attributes, in the order added.</summary>
    public IReadOnlyList<OnnxAttribute> Attributes => _attributes;

    /// <summary>Adds an attribute.</summary>
    /// <param name="attribute">The attribute.</param>
    /// <returns>This node, for chaining.</returns>
    public OnnxNodeBuilder With(OnnxAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (_attributes.Exists(a => a.Name == attribute.Name))
            throw new ArgumentException($"The node '{Name}' already has an attribute '{attribute.Name}'.", nameof(attribute));
        _attributes.Add(attribute);
        return this;
    }

    /// <summary>Adds an int attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, long value) => With(OnnxAttribute.Int(name, value));

    /// <summary>Adds a float attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, float value) => With(OnnxAttribute.Float(name, value));

    /// <summary>Adds a string attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, string value) => With(OnnxAttribute.String(name, value));

    /// <summary>Adds a tensor attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, OnnxTensor value) => With(OnnxAttribute.Tensor(name, value));

    /// <summary>Adds a floats attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, params ReadOnlySpan<float> values) => With(OnnxAttribute.Floats(name, values));

    /// <summary>Adds an ints attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, params ReadOnlySpan<long> values) => With(OnnxAttribute.Ints(name, values));

    /// <summary>Adds a strings attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="values">The values.</param>
    /// <returns>This node.</returns>
    public OnnxNodeBuilder With(string name, params ReadOnlySpan<string> values) => With(OnnxAttribute.Strings(name, values));
}
