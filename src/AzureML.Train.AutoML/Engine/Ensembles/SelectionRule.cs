using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>
/// Picks a blend of trials from their out-of-fold predictions alone: <paramref name="ranked"/> are the trials best
/// first by <paramref name="loss"/>, the loss of any out-of-fold predictions on the rows the rule may look at.
/// </summary>
internal delegate Blend SelectionRule(IReadOnlyList<TrialOutcome> ranked, Func<Predictions, double> loss);
