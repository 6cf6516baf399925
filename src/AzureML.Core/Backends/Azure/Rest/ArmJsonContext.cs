using System.Text.Json.Serialization;
using AzureML.Core.Backends.Azure.Assets;
using AzureML.Core.Backends.Azure.Compute;
using AzureML.Core.Backends.Azure.Datastores;
using AzureML.Core.Backends.Azure.Endpoints;
using AzureML.Core.Backends.Azure.Jobs;
using AzureML.Core.Backends.Azure.Tracking;
using AzureML.Core.Backends.Azure.Workspaces;

namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>
/// Source-generated JSON for the Resource Manager and run-history contracts (camelCase, nulls omitted on the way
/// out, numbers accepted as strings on the way in). These types never appear in the public API.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ArmErrorResponse))]
[JsonSerializable(typeof(ArmError))]
[JsonSerializable(typeof(ArmOperationStatus))]
[JsonSerializable(typeof(ArmResource<WorkspaceProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<WorkspaceProperties>>))]
[JsonSerializable(typeof(WorkspaceKeys))]
[JsonSerializable(typeof(ArmResource<ComputeProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<ComputeProperties>>))]
[JsonSerializable(typeof(ClusterUpdateParameters))]
[JsonSerializable(typeof(ArmResource<AssetContainerProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<AssetContainerProperties>>))]
[JsonSerializable(typeof(ArmResource<CodeVersionProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<CodeVersionProperties>>))]
[JsonSerializable(typeof(PendingUploadRequest))]
[JsonSerializable(typeof(RegistryDiscovery))]
[JsonSerializable(typeof(PendingUploadResponse))]
[JsonSerializable(typeof(ArmResource<EnvironmentVersionProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<EnvironmentVersionProperties>>))]
[JsonSerializable(typeof(ArmResource<ModelVersionProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<ModelVersionProperties>>))]
[JsonSerializable(typeof(ArmResource<DataVersionProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<DataVersionProperties>>))]
[JsonSerializable(typeof(ArmResource<DatastoreProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<DatastoreProperties>>))]
[JsonSerializable(typeof(DatastoreSecrets))]
[JsonSerializable(typeof(ArmResource<JobProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<JobProperties>>))]
[JsonSerializable(typeof(ArmResource<OnlineEndpointProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<OnlineEndpointProperties>>))]
[JsonSerializable(typeof(EndpointAuthKeys))]
[JsonSerializable(typeof(RegenerateKeysRequest))]
[JsonSerializable(typeof(ArmResource<OnlineDeploymentProperties>))]
[JsonSerializable(typeof(ArmList<ArmResource<OnlineDeploymentProperties>>))]
[JsonSerializable(typeof(DeploymentLogsRequest))]
[JsonSerializable(typeof(DeploymentLogs))]
[JsonSerializable(typeof(RunHistoryDetails))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ArmJsonContext : JsonSerializerContext
{
}
