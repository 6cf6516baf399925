using Microsoft.ML.OnnxRuntime;

namespace AzureML.Core.Onnx;

/// <summary>
/// How a model is loaded into ONNX Runtime. Every session the SDK creates takes its options from here, so threading,
/// graph optimisation and logging are decided in one place.
/// </summary>
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

    /// <summary>How far ONNX Runtime may rewrite the graph for speed. Defaults to every optimisation.</summary>
    public OnnxGraphOptimizationLevel GraphOptimization { get; init; } = OnnxGraphOptimizationLevel.All;

    /// <summary>
    /// The least severe message the runtime logs (to stderr). Defaults to errors: warnings such as "initializer X
    /// appears in graph inputs" are noise in a scoring service's log.
    /// </summary>
    public OnnxLogSeverity LogSeverity { get; init; } = OnnxLogSeverity.Error;

    /// <summary>The defaults.</summary>
    public static OnnxModelOptions Default { get; } = new();

    /// <summary>The runtime's session options for these settings; the caller disposes them.</summary>
    internal SessionOptions ToSessionOptions()
    {
        var options = new SessionOptions();
        try
        {
            options.IntraOpNumThreads = IntraOpThreads;
            options.InterOpNumThreads = InterOpThreads;
            options.GraphOptimizationLevel = (GraphOptimizationLevel)GraphOptimization;
            options.LogSeverityLevel = (OrtLoggingLevel)LogSeverity;
            options.LogId = "AzureML.Core";
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
