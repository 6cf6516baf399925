namespace AzureML.Core.Onnx;

/// <summary>The descriptive fields of a model file (ModelProto and its <c>metadata_props</c>).</summary>
/// <param name="ProducerName">The tool that wrote the model, for example <c>skl2onnx</c>.</param>
/// <param name="GraphName">The graph's name.</param>
/// <param name="Domain">The model's domain.</param>
/// <param name="Description">The model's doc string.</param>
/// <param name="Version">The model version number.</param>
/// <param name="CustomMetadata">The <c>metadata_props</c> key/value pairs.</param>
internal sealed record OnnxModelMetadata(
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    long Version,
    IReadOnlyDictionary<string, string> CustomMetadata);
