namespace AzureML.Train.AutoML.Engine;

/// <summary>Every completed iteration, the best by the primary metric, and why the search stopped.</summary>
internal sealed record EngineResult(EngineSetup Setup, IReadOnlyList<TrialOutcome> Completed, TrialOutcome? Best, string StopReason);
