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
        ScoreOutput output = learner.Output(context, config);
        int width = shared.Data.OutputWidth;
        int positive = shared.Data.Classes?.PositiveIndex ?? 0;
        var outOfFold = new Predictions(shared.ValidatedRows.Length, width);
        ITransformer? firstModel = null;
        try
        {
            for (int f = 0; f < shared.Featurized.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fold = shared.Featurized[f];
                ITransformer model = learner.Estimator(ml, context, config).Fit(fold.Train);
                firstModel ??= model;
                Predictions predictions = PredictionReader.Read(model.Transform(fold.Valid!), output, width, positive);
                predictions.Values.CopyTo(outOfFold.Values, shared.FoldOffsets[f] * width);
            }

            cancellationToken.ThrowIfCancellationRequested();
            ITransformer final = shared.Refit is { } refit ? learner.Estimator(ml, context, config).Fit(refit.Train) : firstModel!;
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
                Output = output,
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
