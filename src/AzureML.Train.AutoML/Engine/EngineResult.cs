namespace AzureML.Train.AutoML.Engine;

/// <summary>
/// Every completed iteration, the final model (the best child), why the search stopped and how many iterations
/// started.
/// </summary>
internal sealed record EngineResult(EngineSetup Setup, IReadOnlyList<TrialOutcome> Completed, TrialOutcome? Best, string StopReason, int Iterations)
{
    /// <summary>How the best child was chosen among the best trial and the ensembles, or null when there was no choice.</summary>
    public string? Selection { get; init; }
}
