using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><see cref="AutoMLJobRequest"/> → AutoMLJob DTO (tabular <c>taskDetails</c>).</summary>
internal static class AutoMLJobConverter
{
    public static ArmResource<JobProperties> ToResource(AutoMLJobRequest request) => new()
    {
        Properties = new JobProperties
        {
            JobType = "AutoML",
            ExperimentName = request.ExperimentName,
            ComputeId = request.ComputeId,
            Resources = new JobResources { InstanceCount = 1 },
            Tags = request.Tags is null ? null : ArmValues.ToService(request.Tags),
            TaskDetails = new AutoMLTaskDetails
            {
                TaskType = request.TaskType,
                PrimaryMetric = request.PrimaryMetric,
                TargetColumnName = request.TargetColumnName,
                TrainingData = new JobInput { JobInputType = "mltable", Uri = request.TrainingDataUri },
                ValidationData = request.ValidationDataUri is null ? null : new JobInput { JobInputType = "mltable", Uri = request.ValidationDataUri },
                NCrossValidations = request.CrossValidations is { } n ? new NCrossValidations { Mode = "Custom", Value = n } : null,
                LimitSettings = new TableLimitSettings
                {
                    Timeout = request.TimeoutSeconds is { } t ? ArmValues.Duration(t) : null,
                    TrialTimeout = request.TrialTimeoutSeconds is { } tt ? ArmValues.Duration(tt) : null,
                    MaxTrials = request.MaxTrials,
                    MaxConcurrentTrials = request.MaxConcurrentTrials,
                    EnableEarlyTermination = request.EnableEarlyTermination,
                },
                FeaturizationSettings = new FeaturizationSettings { Mode = request.FeaturizationMode },
                TrainingSettings = new TrainingSettings
                {
                    EnableOnnxCompatibleModels = request.EnableOnnxCompatibleModels,
                    BlockedTrainingAlgorithms = request.BlockedAlgorithms.Count == 0 ? null : request.BlockedAlgorithms.ToList(),
                },
            },
        },
    };
}
