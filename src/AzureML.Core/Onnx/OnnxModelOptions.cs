namespace AzureML.Core.Onnx;

/// <summary>How a model is loaded into ONNX Runtime.</summary>
internal sealed class OnnxModelOptions
{
    /// <summary>
    /// Threads used inside one operator. Defaults to 1: scoring requests are small and arrive concurrently, so
    /// parallelism across requests beats parallelism inside one, and a single thread avoids the runtime's spinning
    /// worker pool on shared machines.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads used to run independent operators in parallel. Defaults to 1 for the same reason.</summary>
    public int InterOpThreads { get; init; } = 1;

    /// <summary>Whether ONNX Runtime may rewrite the graph for speed (all levels). Defaults to true.</summary>
    public bool OptimizeGraph { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static OnnxModelOptions Default { get; } = new();
}
