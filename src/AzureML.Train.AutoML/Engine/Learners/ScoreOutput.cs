namespace AzureML.Train.AutoML.Engine.Learners;

/// <summary>How class probabilities (or the prediction) are read from what a trained learner outputs.</summary>
internal enum ScoreOutput
{
    /// <summary>Binary: the calibrated <c>Probability</c> column is the positive class's probability.</summary>
    Probability,

    /// <summary>Multiclass: the <c>Score</c> vector holds one probability per class.</summary>
    ClassProbabilities,

    /// <summary>Regression: <c>Score</c> is the prediction.</summary>
    Value,
}
