using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using AzureML.Train.AutoML.Engine.Trials;
using Microsoft.ML;
using Microsoft.ML.Data;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>A model trained by an ML.NET trainer; ML.NET's converter exports it together with the featurizer.</summary>
internal sealed class MLNetModel : TrainedModel
{
    private readonly ITransformer _model;
    private readonly ScoreOutput _output;

    public MLNetModel(ITransformer model, ScoreOutput output)
    {
        _model = model;
        _output = output;
    }

    public override Predictions Predict(IDataView features, TrainingData data)
        => PredictionReader.Read(_model.Transform(features), _output, data.OutputWidth, data.Classes?.PositiveIndex ?? 0);

    public override ModelProto Export(ITransformer featurizer, PipelineColumns columns, OnnxModelSpec spec)
    {
        var ml = new MLContext(0);
        var chain = new TransformerChain<ITransformer>(featurizer, _model);
        bool probability = _output == ScoreOutput.Probability;
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(chain, columns.InputView(null), stream, probability ? "Probability" : "Score");
        ModelProto model = ModelProto.Parser.ParseFrom(stream.ToArray());
        return OnnxModelFinisher.Finish(model, _output, probability ? OnnxModelFinisher.ProbabilityColumnOutput : OnnxModelFinisher.ScoreColumnOutput, spec);
    }
}
