namespace AzureML.Train.AutoML;

/// <summary>One algorithm in an <see cref="AutoMLSummary"/>.</summary>
/// <param name="Algorithm">The algorithm (<c>run_algorithm</c>).</param>
/// <param name="Iterations">How many iterations tried it.</param>
/// <param name="BestScore">Its best primary metric value (NaN when none completed).</param>
public sealed record AutoMLSummaryRow(string Algorithm, int Iterations, double BestScore);
