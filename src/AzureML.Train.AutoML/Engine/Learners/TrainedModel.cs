using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using Microsoft.ML;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>What a learner trained: it predicts featurized rows and exports itself, behind the featurizer, as an engine ONNX model.</summary>
internal abstract class TrainedModel
{
    /// <summary>Class probabilities (class order) or predictions for featurized rows (<see cref="PipelineColumns.Features"/>).</summary>
    public abstract Predictions Predict(IDataView features, TrainingData data);

    /// <summary>The finished ONNX model: <paramref name="featurizer"/> followed by this model.</summary>
    public abstract ModelProto Export(ITransformer featurizer, PipelineColumns columns, OnnxModelSpec spec);
}
