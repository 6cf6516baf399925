using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;
using AzureML.Train.AutoML.Engine.Search;

namespace AzureML.Train.AutoML.Engine.Trials;

/// <summary>A trained and validated trial: its out-of-fold predictions, metrics, final model and where the time went.</summary>
internal sealed record TrialResult
{
    public required Learner Learner { get; init; }
    public required TrialConfig Config { get; init; }
    public required LearnerContext Context { get; init; }

    /// <summary>Predictions of the validated rows, each by the fold model that did not see it.</summary>
    public required Predictions OutOfFold { get; init; }

    public required MetricResult Metrics { get; init; }

    /// <summary>The final model's learner part, trained on <see cref="TrialData.Final"/>.</summary>
    public required TrainedModel Model { get; init; }

    /// <summary>Training and scoring across folds plus the final fit.</summary>
    public required TimeSpan TrainTime { get; init; }

    public required TimeSpan Duration { get; init; }
}
