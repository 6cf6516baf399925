namespace AzureML.Train.AutoML.Engine.Validation;

/// <summary>One train/validate partition of the rows (indexes into <c>TrainingData</c>).</summary>
internal sealed record Fold(int[] Train, int[] Valid);
