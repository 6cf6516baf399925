using System.Text.Json.Nodes;
using AzureML.Cli.Output;
using AzureML.Core.Compute;

namespace AzureML.Cli.ComputeTargets;

/// <summary>Compute targets as <c>az ml computetarget</c> prints them.</summary>
internal static class ComputeTargetJson
{
    public static JsonObject Created(ComputeTarget target) => new()
    {
        ["name"] = target.Name,
        ["location"] = target.Location,
        ["provisioningState"] = target.ProvisioningState,
        ["provisioningErrors"] = null,
    };

    public static JsonObject Summary(ComputeTarget target) => new()
    {
        ["name"] = target.Name,
        ["computeType"] = target.Type,
        ["location"] = target.Location,
        ["provisioningState"] = target.ProvisioningState,
        ["vmSize"] = target.VmSize,
    };

    public static async Task<JsonNode?> Details(ComputeTarget target, CancellationToken cancellationToken)
    {
        JsonObject json = Summary(target);
        json["id"] = ResourceIds.Of(target.Workspace, "computes", target.Name);
        json["description"] = target.Description;
        json["tags"] = JsonValues.Map(target.Tags);
        if (target is AmlCompute cluster)
        {
            json["properties"] = JsonValues.From((await cluster.GetStatusAsync(cancellationToken)).Serialize());
        }

        return json;
    }

    public static JsonObject Deleted(ComputeTarget target) => new()
    {
        ["id"] = ResourceIds.Of(target.Workspace, "computes", target.Name),
        ["name"] = target.Name,
    };
}
