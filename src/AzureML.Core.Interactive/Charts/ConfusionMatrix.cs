namespace AzureML.Core.Interactive.Charts;

/// <summary>Counts of true class (rows) against predicted class (columns).</summary>
/// <param name="TrueLabels">The true classes, one per row.</param>
/// <param name="PredictedLabels">The predicted classes, one per column.</param>
/// <param name="Counts">The counts, [true, predicted].</param>
internal sealed record ConfusionMatrix(IReadOnlyList<string> TrueLabels, IReadOnlyList<string> PredictedLabels, double[,] Counts);
