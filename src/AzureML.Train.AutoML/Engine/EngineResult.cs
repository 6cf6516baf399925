namespace AzureML.Train.AutoML.Engine;

/// <summary>Every completed iteration, the best by the primary metric, why the search stopped and how many iterations started.</summary>
internal sealed record EngineResult(EngineSetup Setup, IReadOnlyList<TrialOutcome> Completed, TrialOutcome? Best, string StopReason, int Iterations);
