using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Trials;
using Microsoft.ML;
using Microsoft.ML.Data;
using Onnx;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>Exports a trial's final model — the shared featurizer followed by the trial's learner — as the engine's ONNX model.</summary>
internal static class TrialExporter
{
    public static ModelProto Export(TrialData shared, TrialResult trial, OnnxModelSpec spec)
    {
        var ml = new MLContext(trial.Context.Seed);
        var chain = new TransformerChain<ITransformer>(shared.Final.Featurizer, trial.Model);
        string output = trial.Output.Kind == ScoreOutputKind.Probability ? "Probability" : "Score";
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(chain, shared.Plan.Columns.InputView(null), stream, output);
        return OnnxModelFinisher.Finish(stream.ToArray(), trial.Output, spec);
    }

    /// <summary>What the final pipeline predicts for some rows in ML.NET itself (for parity checks against the export).</summary>
    public static Engine.Metrics.Predictions PredictInProcess(TrialData shared, TrialResult trial, int[] rows)
    {
        IDataView scored = trial.Model.Transform(shared.Final.Featurizer.Transform(shared.Plan.Columns.InputView(rows)));
        return PredictionReader.Read(scored, trial.Output, shared.Data.OutputWidth, shared.Data.Classes?.PositiveIndex ?? 0);
    }
}
