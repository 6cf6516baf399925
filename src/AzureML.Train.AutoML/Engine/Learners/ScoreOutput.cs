namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>How class probabilities (or the prediction) are read from what a trained learner outputs.</summary>
internal enum ScoreOutputKind
{
    /// <summary>Binary: the calibrated <c>Probability</c> column is the positive class's probability.</summary>
    Probability,

    /// <summary>Binary random forest: <c>Score</c> sums one vote in [-1, 1] per tree; the share of votes is the probability.</summary>
    ForestVotes,

    /// <summary>Multiclass: the <c>Score</c> vector holds one probability per class.</summary>
    ClassProbabilities,

    /// <summary>Regression: <c>Score</c> is the prediction.</summary>
    Value,
}

/// <summary>The output kind plus, for forests, the number of trees that vote.</summary>
internal sealed record ScoreOutput(ScoreOutputKind Kind, int Trees = 0)
{
    public static ScoreOutput Probability { get; } = new(ScoreOutputKind.Probability);
    public static ScoreOutput ClassProbabilities { get; } = new(ScoreOutputKind.ClassProbabilities);
    public static ScoreOutput Value { get; } = new(ScoreOutputKind.Value);

    /// <summary>The probability a forest's summed votes mean: the share of trees voting positive.</summary>
    public double VoteProbability(double score) => Math.Clamp(0.5 + (score / (2.0 * Trees)), 0, 1);
}
