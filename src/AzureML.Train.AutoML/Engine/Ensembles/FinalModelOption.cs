namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>A candidate final model, its cross-fitted estimate and, for a voting ensemble, the selection rule's name.</summary>
internal sealed record FinalModelOption(TrialOutcome? Outcome, CrossFittedEstimate Estimate, string? Rule);
