using System.Text.Json.Nodes;
using AzureML.Cli.Output;
using AzureML.Core;

namespace AzureML.Cli.Workspaces;

/// <summary>A workspace as <c>az ml workspace show</c> prints one; a local workspace adds its folder.</summary>
internal static class WorkspaceJson
{
    public static JsonObject Describe(Workspace workspace)
    {
        var json = new JsonObject
        {
            ["name"] = workspace.Name,
            ["friendlyName"] = workspace.Name,
            ["resourceGroup"] = workspace.ResourceGroup,
            ["location"] = workspace.Location,
            ["id"] = ResourceIds.Of(workspace),
            ["type"] = "Microsoft.MachineLearningServices/workspaces",
        };
        if (workspace.LocalPath is not null) json["localPath"] = workspace.LocalPath;
        return json;
    }
}
