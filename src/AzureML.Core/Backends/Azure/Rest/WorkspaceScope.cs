namespace AzureML.Core.Backends.Azure.Rest;

/// <summary>The subscription, resource group and name that locate a workspace in Resource Manager.</summary>
internal sealed record WorkspaceScope(string SubscriptionId, string ResourceGroup, string WorkspaceName)
{
    /// <summary>The workspace's resource id, the prefix of every workspace-scoped path.</summary>
    public string ResourceId => $"{ResourceGroupId}/providers/Microsoft.MachineLearningServices/workspaces/{WorkspaceName}";

    /// <summary>The resource group's id.</summary>
    public string ResourceGroupId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}";

    /// <summary>The resource id of an asset version, the form jobs and deployments reference assets by.</summary>
    public string AssetVersionId(string collection, string name, string version) => $"{ResourceId}/{collection}/{name}/versions/{version}";

    /// <summary>The resource id of a compute target.</summary>
    public string ComputeId(string name) => $"{ResourceId}/computes/{name}";

    /// <summary>
    /// The datastore URI form assets use for files on a datastore of this workspace:
    /// <c>azureml://subscriptions/…/resourcegroups/…/workspaces/…/datastores/&lt;name&gt;/paths/&lt;path&gt;</c>.
    /// </summary>
    public string DatastoreUri(string datastore, string path)
        => $"azureml://subscriptions/{SubscriptionId}/resourcegroups/{ResourceGroup}/workspaces/{WorkspaceName}/datastores/{datastore}/paths/{path.TrimStart('/')}";
}
