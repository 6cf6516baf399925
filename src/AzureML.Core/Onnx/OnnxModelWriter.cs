namespace AzureML.Core.Onnx;

/// <summary>
/// Writes an ONNX model (a serialized <c>ModelProto</c>) from a <see cref="OnnxGraphBuilder"/> plus the model-level
/// fields: IR version, producer, imported operator sets and metadata. Defaults follow what skl2onnx writes for
/// opset 15: IR version 8, ai.onnx 15 and ai.onnx.ml 3, which ONNX Runtime 1.30 loads.
/// </summary>
internal sealed class OnnxModelWriter
{
    private readonly List<OnnxOperatorSet> _operatorSets = [];
    private readonly List<KeyValuePair<string, string>> _metadata = [];

    /// <summary>The graph to write.</summary>
    public OnnxGraphBuilder Graph { get; } = new();

    /// <summary>The ONNX IR version; 8 matches opsets 15–18.</summary>
    public long IrVersion { get; set; } = 8;

    /// <summary>The producing tool's name.</summary>
    public string ProducerName { get; set; } = "AzureML.Sdk";

    /// <summary>The producing tool's version.</summary>
    public string ProducerVersion { get; set; } = "";

    /// <summary>The model's domain, for example <c>ai.onnx</c>.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The model version number.</summary>
    public long ModelVersion { get; set; }

    /// <summary>A human-readable description.</summary>
    public string DocString { get; set; } = "";

    /// <summary>The imported operator sets; when none are added, ai.onnx 15 and ai.onnx.ml 3 are written.</summary>
    public IReadOnlyList<OnnxOperatorSet> OperatorSets => _operatorSets;

    /// <summary>The <c>metadata_props</c> entries.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata => _metadata;

    /// <summary>Imports an operator set (one version per domain).</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="version">The version.</param>
    /// <returns>This writer.</returns>
    public OnnxModelWriter ImportOperatorSet(string domain, long version)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (_operatorSets.Exists(o => o.Domain == domain))
            throw new ArgumentException($"The operator set for domain '{domain}' is already imported; a model imports one version per domain.", nameof(domain));
        _operatorSets.Add(new OnnxOperatorSet(domain, version));
        return this;
    }

    /// <summary>Adds a <c>metadata_props</c> entry, readable back through <see cref="OnnxModelMetadata.CustomMetadata"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>This writer.</returns>
    public OnnxModelWriter AddMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        _metadata.Add(new(key, value));
        return this;
    }

    /// <summary>Serializes the model.</summary>
    /// <returns>The ModelProto bytes.</returns>
    public byte[] ToBytes()
    {
        var writer = new ProtobufWriter();
        OnnxProtoEncoder.WriteModel(writer, this);
        return writer.ToArray();
    }

    /// <summary>Serializes the model to a file.</summary>
    /// <param name="path">The <c>.onnx</c> path.</param>
    public void Save(string path) => File.WriteAllBytes(path, ToBytes());
}
