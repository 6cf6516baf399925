using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML.Engine.Ensembles;

/// <summary>Trials and their weights (summing to 1), largest weight first: a voting ensemble before it is exported.</summary>
internal sealed record Blend(IReadOnlyList<TrialOutcome> Members, IReadOnlyList<double> Weights)
{
    /// <summary>The weighted average of the members' out-of-fold predictions.</summary>
    public Predictions OutOfFold => Predictions.WeightedSum(Members.Select(m => m.OutOfFold).ToList(), Weights);
}
