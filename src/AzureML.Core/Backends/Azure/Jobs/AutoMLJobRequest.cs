namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary>A tabular AutoML job as the service takes it; built from an AutoML configuration.</summary>
internal sealed record AutoMLJobRequest
{
    public required string ExperimentName { get; init; }

    /// <summary><c>Classification</c>, <c>Regression</c> or <c>Forecasting</c>.</summary>
    public required string TaskType { get; init; }

    public required string PrimaryMetric { get; init; }
    public required string TargetColumnName { get; init; }

    /// <summary>The training data as an MLTable data asset reference (<c>azureml:name:version</c> or its id).</summary>
    public required string TrainingDataUri { get; init; }

    public string? ValidationDataUri { get; init; }
    public string? ComputeId { get; init; }
    public int? CrossValidations { get; init; }
    public long? TimeoutSeconds { get; init; }
    public long? TrialTimeoutSeconds { get; init; }
    public int? MaxTrials { get; init; }
    public int? MaxConcurrentTrials { get; init; }
    public bool EnableEarlyTermination { get; init; } = true;
    public string FeaturizationMode { get; init; } = "Auto";
    public bool EnableOnnxCompatibleModels { get; init; }
    public IReadOnlyList<string> BlockedAlgorithms { get; init; } = Array.Empty<string>();
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
