namespace AzureML.Core.Onnx;

/// <summary>How far ONNX Runtime may rewrite a graph when it loads it (the runtime's <c>GraphOptimizationLevel</c> values).</summary>
internal enum OnnxGraphOptimizationLevel
{
    /// <summary>Run the graph as written.</summary>
    Disabled = 0,
    /// <summary>Semantics-preserving rewrites such as constant folding.</summary>
    Basic = 1,
    /// <summary>Basic plus operator fusions.</summary>
    Extended = 2,
    /// <summary>Every optimisation, layout changes included.</summary>
    All = 99,
}
