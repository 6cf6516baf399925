using System.Diagnostics;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Search;
using Microsoft.ML;

namespace AzureML.Train.AutoML.Engine.Trials;

/// <summary>
/// Runs one trial: trains the learner on each fold's featurized rows and predicts the fold's validation rows,
/// then trains the final model (on all training rows after cross-validation). Each trial has its own
/// <see cref="MLContext"/> seeded from the trial seed, so results do not depend on what runs beside it.
/// </summary>
internal static class TrialRunner
{
    public static TrialResult Run(TrialData shared, Learner learner, TrialConfig config, LearnerContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(context.Seed);
        using CancellationTokenRegistration link = TrainingCancellation.Link(ml, cancellationToken);
        int width = shared.Data.OutputWidth;
        var outOfFold = new Predictions(shared.ValidatedRows.Length, width);
        TrainedModel? firstModel = null;
        try
        {
            for (int f = 0; f < shared.Featurized.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fold = shared.Featurized[f];
                TrainedModel model = learner.Train(ml, context, config, fold.Train, cancellationToken);
                firstModel ??= model;
                Predictions predictions = model.Predict(fold.Valid!, shared.Data);
                predictions.Values.CopyTo(outOfFold.Values, shared.FoldOffsets[f] * width);
            }

            cancellationToken.ThrowIfCancellationRequested();
            TrainedModel final = shared.Refit is { } refit ? learner.Train(ml, context, config, refit.Train, cancellationToken) : firstModel!;
            TimeSpan trainTime = clock.Elapsed;
            MetricResult metrics = shared.Evaluate(outOfFold);
            return new TrialResult
            {
                Learner = learner,
                Config = config,
                Context = context,
                OutOfFold = outOfFold,
                Metrics = metrics,
                Model = final,
                TrainTime = trainTime,
                Duration = clock.Elapsed,
            };
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // ML.NET reports a canceled context with its own exception types.
            throw new OperationCanceledException("The trial was stopped.", ex, cancellationToken);
        }
    }
}
