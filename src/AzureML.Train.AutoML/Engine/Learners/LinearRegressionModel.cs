using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.OnnxExport;
using Microsoft.ML;
using Microsoft.ML.Data;
using Onnx;

namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>
/// A linear regression the engine fitted itself: the featurizer is exported by ML.NET's converter and the model
/// is appended as one ONNX <c>LinearRegressor</c> node.
/// </summary>
internal sealed class LinearRegressionModel : TrainedModel
{
    private readonly double[] _weights;
    private readonly double _intercept;

    public LinearRegressionModel(double[] weights, double intercept)
    {
        _weights = weights;
        _intercept = intercept;
    }

    public static float[][] ReadFeatures(IDataView features)
        => features.GetColumn<VBuffer<float>>(PipelineColumns.Features).Select(v => v.DenseValues().ToArray()).ToArray();

    public override Predictions Predict(IDataView features, TrainingData data)
    {
        float[][] rows = ReadFeatures(features);
        var predictions = new Predictions(rows.Length, 1);
        for (int r = 0; r < rows.Length; r++)
        {
            double value = _intercept;
            for (int j = 0; j < _weights.Length; j++) value += _weights[j] * rows[r][j];
            predictions[r, 0] = value;
        }

        return predictions;
    }

    public override ModelProto Export(ITransformer featurizer, PipelineColumns columns, OnnxModelSpec spec)
    {
        (ModelProto model, string features) = FeaturizerGraph.Export(featurizer, columns);
        var writer = new OnnxGraphWriter(model.Graph, "linear_");
        string scores = writer.Node("LinearRegressor", new[] { features }, domain: OnnxGraphWriter.MLDomain, attributes: new (string, object)[]
        {
            ("coefficients", _weights.Select(w => (float)w).ToArray()),
            ("intercepts", new[] { (float)_intercept }),
            ("targets", 1L),
        });
        return OnnxModelFinisher.Finish(model, ScoreOutput.Value, scores, spec);
    }
}
