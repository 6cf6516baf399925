namespace AzureML.Core.Onnx;

/// <summary>
/// The graph of a model being written: typed inputs and outputs, constant initializers and nodes in
/// topological order. Names are checked for duplicates as they are added, so a mistake points at the line that
/// made it rather than at a runtime load error.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly List<KeyValuePair<string, OnnxTensor>> _initializers = [];
    private readonly List<OnnxNodeBuilder> _nodes = [];
    private readonly HashSet<string> _producedNames = new(StringComparer.Ordinal);

    /// <summary>The graph name.</summary>
    public string Name { get; set; } = "graph";

    /// <summary>The graph inputs.</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs => _inputs;

    /// <summary>The graph outputs.</summary>
    public IReadOnlyList<OnnxValueInfo> Outputs => _outputs;

    /// <summary>The initializers (named constants).</summary>
    public IReadOnlyList<KeyValuePair<string, OnnxTensor>> Initializers => _initializers;

    /// <summary>The nodes, in order.</summary>
    public IReadOnlyList<OnnxNodeBuilder> Nodes => _nodes;

    /// <summary>Declares a graph input.</summary>
    /// <param name="name">The input name.</param>
    /// <param name="type">Its type.</param>
    /// <returns>This graph.</returns>
    public OnnxGraphBuilder AddInput(string name, OnnxType type)
    {
        Produce(name);
        _inputs.Add(new OnnxValueInfo(name, type));
        return this;
    }

    /// <summary>Declares a graph output, which some node (or input, or initializer) must produce.</summary>
    /// <param name="name">The output name.</param>
    /// <param name="type">Its type.</param>
    /// <returns>This graph.</returns>
    public OnnxGraphBuilder AddOutput(string name, OnnxType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        if (_outputs.Exists(o => o.Name == name))
            throw new ArgumentException($"The graph already has an output '{name}'.", nameof(name));
        _outputs.Add(new OnnxValueInfo(name, type));
        return this;
    }

    /// <summary>Adds a named constant, for example a weight matrix.</summary>
    /// <param name="name">The value name nodes refer to.</param>
    /// <param name="value">The tensor.</param>
    /// <returns>This graph.</returns>
    public OnnxGraphBuilder AddInitializer(string name, OnnxTensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Produce(name);
        _initializers.Add(new(name, value));
        return this;
    }

    /// <summary>Appends a node; configure its attributes on the returned builder.</summary>
    /// <param name="opType">The operator, for example <c>LinearClassifier</c>.</param>
    /// <param name="inputs">The input value names.</param>
    /// <param name="outputs">The output value names, each new to the graph.</param>
    /// <param name="domain">The operator's domain: <see cref="OnnxOperatorSet.DefaultDomain"/> or <see cref="OnnxOperatorSet.MLDomain"/>.</param>
    /// <param name="name">The node name; defaults to the op type and position.</param>
    /// <returns>The new node.</returns>
    public OnnxNodeBuilder AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        string domain = OnnxOperatorSet.DefaultDomain, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (string output in outputs)
            Produce(output);
        var node = new OnnxNodeBuilder(opType, inputs, outputs, domain, name ?? $"{opType}_{_nodes.Count}");
        _nodes.Add(node);
        return node;
    }

    private void Produce(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // ONNX graphs are in SSA form: every value has exactly one producer.
        if (!_producedNames.Add(name))
            throw new ArgumentException($"The graph already has a value named '{name}'.", nameof(name));
    }
}
