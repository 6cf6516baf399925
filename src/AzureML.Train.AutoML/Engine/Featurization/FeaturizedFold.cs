using System.Diagnostics;
using AzureML.Train.AutoML.Engine.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AzureML.Train.AutoML.Engine.Featurization;

/// <summary>
/// A featurizer fitted on some rows and the feature matrices it produced for those rows and for the rows it
/// validates on. Fitted once per fold and shared by every trial, so a trial only trains its learner.
/// </summary>
internal sealed class FeaturizedFold
{
    private FeaturizedFold(ITransformer featurizer, TableDataView train, TableDataView? valid, int featureCount, TimeSpan duration)
    {
        Featurizer = featurizer;
        Train = train;
        Valid = valid;
        FeatureCount = featureCount;
        Duration = duration;
    }

    /// <summary>The fitted featurizer; it is the first part of every exported model trained on these rows.</summary>
    public ITransformer Featurizer { get; }

    /// <summary>The featurized training rows, with label and weights.</summary>
    public TableDataView Train { get; }

    /// <summary>The featurized validation rows, or null for the final (refit) fold.</summary>
    public TableDataView? Valid { get; }

    public int FeatureCount { get; }

    /// <summary>How long fitting and applying the featurizer took.</summary>
    public TimeSpan Duration { get; }

    public static FeaturizedFold Fit(MLContext ml, FeaturizerPlan plan, int[] trainRows, int[]? validRows)
    {
        var clock = Stopwatch.StartNew();
        PipelineColumns columns = plan.Columns;
        ITransformer featurizer = FeaturizerPipeline.CreateEstimator(ml, plan).Fit(columns.TrainingView(trainRows));
        float[][] train = Matrix(featurizer, columns.InputView(trainRows));
        float[][]? valid = validRows is null ? null : Matrix(featurizer, columns.InputView(validRows));
        int width = train.Length > 0 ? train[0].Length : 0;
        return new FeaturizedFold(featurizer, columns.FeatureView(train, trainRows), valid is null ? null : columns.FeatureView(valid, validRows!), width, clock.Elapsed);
    }

    private static float[][] Matrix(ITransformer featurizer, IDataView rows)
        => featurizer.Transform(rows).GetColumn<VBuffer<float>>(PipelineColumns.Features).Select(v => v.DenseValues().ToArray()).ToArray();
}
