namespace AzureML.Core.Interactive.Charts;

/// <summary>One class's ROC curve.</summary>
/// <param name="ClassLabel">The class the curve is for (empty for a binary task's positive class when unnamed).</param>
/// <param name="FalsePositiveRates">The x values.</param>
/// <param name="TruePositiveRates">The y values.</param>
internal sealed record RocCurve(string ClassLabel, double[] FalsePositiveRates, double[] TruePositiveRates);
