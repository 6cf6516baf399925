using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;

namespace AzureML.Train.AutoML.Engine;

/// <summary>What the engine searches, for how long, how wide and when it stops (validated by <c>AutoMLConfig</c>).</summary>
internal sealed record EngineSettings
{
    public required string PrimaryMetric { get; init; }

    /// <summary>The learners to search (already filtered by allowed and blocked models).</summary>
    public required IReadOnlyList<Learner> Learners { get; init; }

    /// <summary>At most this many iterations, ensembles included; null for no limit.</summary>
    public int? Iterations { get; init; }

    /// <summary>The whole experiment's time, ensembles included; null for no limit.</summary>
    public TimeSpan? ExperimentTimeout { get; init; }

    /// <summary>One trial's time; a trial that takes longer is stopped and fails.</summary>
    public TimeSpan? IterationTimeout { get; init; }

    public int Concurrency { get; init; } = 1;

    public int ThreadsPerTrial { get; init; } = 1;

    /// <summary>Stop once the primary metric reaches this value.</summary>
    public double? ExitScore { get; init; }

    public bool EarlyStopping { get; init; }

    public bool VotingEnsemble { get; init; } = true;

    public bool StackEnsemble { get; init; }

    public int? CrossValidations { get; init; }

    public double? ValidationSize { get; init; }

    public bool Featurize { get; init; } = true;

    public int Seed { get; init; } = 42;

    /// <summary>The number of ensemble iterations that follow the search.</summary>
    public int EnsembleIterations => (VotingEnsemble ? 1 : 0) + (StackEnsemble ? 1 : 0);
}
