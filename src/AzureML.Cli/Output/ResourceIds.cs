using AzureML.Core;

namespace AzureML.Cli.Output;

/// <summary>ARM resource ids, where the workspace has a subscription and resource group to build them from.</summary>
internal static class ResourceIds
{
    public static string? Of(Workspace workspace) => workspace.SubscriptionId is null || workspace.ResourceGroup is null
        ? null
        : $"/subscriptions/{workspace.SubscriptionId}/resourceGroups/{workspace.ResourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/{workspace.Name}";

    public static string? Of(Workspace workspace, string kind, string name) => Of(workspace) is string id ? $"{id}/{kind}/{name}" : null;
}
