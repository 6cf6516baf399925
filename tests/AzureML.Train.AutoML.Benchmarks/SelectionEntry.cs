namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>One line of a <see cref="SelectionReport"/>: a model the engine could have chosen, its held-out score, and for a learner how many trials it had.</summary>
internal sealed record SelectionEntry(string Name, double HeldOut, int? Trials = null);
