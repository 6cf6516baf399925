namespace AzureML.Core.Backends;

/// <summary>Web services: deployments, their state, keys and logs.</summary>
internal abstract class DeploymentStore
{
}
