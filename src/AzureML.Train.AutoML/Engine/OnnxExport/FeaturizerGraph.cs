using AzureML.Train.AutoML.Engine.Data;
using Microsoft.ML;
using Onnx;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>The featurizer alone exported by ML.NET's converter, for models the engine fitted itself and appends as ONNX nodes.</summary>
internal static class FeaturizerGraph
{
    /// <summary>The featurizer's graph and the name of its featurized output (<see cref="PipelineColumns.Features"/>).</summary>
    public static (ModelProto Model, string Features) Export(ITransformer featurizer, PipelineColumns columns)
    {
        var ml = new MLContext(0);
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(featurizer, columns.InputView(null), stream, PipelineColumns.Features);
        ModelProto model = ModelProto.Parser.ParseFrom(stream.ToArray());
        string features = model.Graph.Output.Select(o => o.Name).FirstOrDefault(n => n == PipelineColumns.Features + ".output")
            ?? throw new InvalidOperationException("The featurizer export has no feature output; it has " + string.Join(", ", model.Graph.Output.Select(o => o.Name)) + ".");
        return (model, features);
    }
}
