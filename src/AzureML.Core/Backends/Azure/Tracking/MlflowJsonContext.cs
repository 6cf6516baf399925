using System.Text.Json.Serialization;

namespace AzureML.Core.Backends.Azure.Tracking;

/// <summary>
/// Source-generated JSON for the MLflow REST contract: snake_case field names, and int64 values accepted as
/// strings because some MLflow servers write them so.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(MlflowLogBatchRequest))]
[JsonSerializable(typeof(MlflowSetTagRequest))]
[JsonSerializable(typeof(MlflowMetricHistory))]
[JsonSerializable(typeof(MlflowGetRunResponse))]
[JsonSerializable(typeof(MlflowExperiment))]
[JsonSerializable(typeof(MlflowExperimentResponse))]
[JsonSerializable(typeof(MlflowCreateExperimentRequest))]
[JsonSerializable(typeof(MlflowCreateExperimentResponse))]
[JsonSerializable(typeof(MlflowSearchExperimentsRequest))]
[JsonSerializable(typeof(MlflowSearchExperimentsResponse))]
[JsonSerializable(typeof(MlflowSetExperimentTagRequest))]
[JsonSerializable(typeof(MlflowCreateRunRequest))]
[JsonSerializable(typeof(MlflowCreateRunResponse))]
[JsonSerializable(typeof(MlflowUpdateRunRequest))]
[JsonSerializable(typeof(MlflowSearchRunsRequest))]
[JsonSerializable(typeof(MlflowSearchRunsResponse))]
internal sealed partial class MlflowJsonContext : JsonSerializerContext
{
}
