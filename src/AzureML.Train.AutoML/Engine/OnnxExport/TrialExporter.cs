using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Trials;
using Onnx;

namespace AzureML.Train.AutoML.Engine.OnnxExport;

/// <summary>Exports a trial's final model — the shared featurizer followed by the trial's learner — as the engine's ONNX model.</summary>
internal static class TrialExporter
{
    public static ModelProto Export(TrialData shared, TrialResult trial, OnnxModelSpec spec)
        => trial.Model.Export(shared.Final.Featurizer, shared.Plan.Columns, spec);

    /// <summary>What the final pipeline predicts for some rows in process (for parity checks against the export).</summary>
    public static Predictions PredictInProcess(TrialData shared, TrialResult trial, int[] rows)
        => trial.Model.Predict(shared.Final.Featurizer.Transform(shared.Plan.Columns.InputView(rows)), shared.Data);
}
