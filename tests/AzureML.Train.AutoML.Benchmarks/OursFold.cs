namespace AzureML.Train.AutoML.Benchmarks;

/// <summary>What AutoML produced on one outer fold: held-out predictions and where its time went.</summary>
internal sealed record OursFold
{
    /// <summary>The AutoML run, whose child runs stay readable until the benchmark deletes its work folder.</summary>
    public required AutoMLRun Run { get; init; }

    /// <summary>Held-out predictions: class probabilities in the peers' class order, or one predicted value.</summary>
    public required double[][] Predictions { get; init; }

    public required string BestAlgorithm { get; init; }

    public required int Iterations { get; init; }

    /// <summary>Featurizing the inner folds once, before any trial.</summary>
    public required TimeSpan Setup { get; init; }

    /// <summary>Per trial: inner cross-validation training and the final fit.</summary>
    public required TimeSpan MeanTrain { get; init; }

    /// <summary>Per trial: ONNX export.</summary>
    public required TimeSpan MeanExport { get; init; }

    /// <summary>Per trial: everything else (metrics, recording the child run and its files).</summary>
    public required TimeSpan MeanOther { get; init; }

    public required TimeSpan Wall { get; init; }
}
