namespace AzureML.Core.Onnx;

/// <summary>An operator set a model imports: a domain (<c>""</c> for ai.onnx, <c>"ai.onnx.ml"</c>…) and its version.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="Version">The opset version.</param>
internal readonly record struct OnnxOperatorSet(string Domain, long Version)
{
    /// <summary>The domain of the standard operators.</summary>
    public const string DefaultDomain = "";

    /// <summary>The domain of the traditional-ML operators (LinearClassifier, TreeEnsemble…, ZipMap).</summary>
    public const string MLDomain = "ai.onnx.ml";
}
