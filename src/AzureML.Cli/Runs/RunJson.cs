using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Cli.Output;
using AzureML.Core;

namespace AzureML.Cli.Runs;

/// <summary>Runs as <c>az ml run</c> prints them (the run's details), and the <c>-t</c> metadata file.</summary>
internal static class RunJson
{
    public static JsonObject Details(Run run, RunDetails details)
    {
        JsonObject json = Summary(run, details);
        json["properties"] = JsonValues.Map(details.Properties);
        json["tags"] = JsonValues.Map(details.Tags);
        json["logFiles"] = JsonValues.List(details.LogFiles);
        json["runDefinition"] = Definition(details.RunDefinition);
        json["error"] = details.Error is null ? null : new JsonObject
        {
            ["code"] = details.Error.Code,
            ["message"] = details.Error.Message,
            ["exitCode"] = details.Error.ExitCode,
        };
        return json;
    }

    public static JsonObject Summary(Run run, RunDetails details) => new()
    {
        ["runId"] = run.Id,
        ["experimentName"] = run.Experiment.Name,
        ["displayName"] = run.DisplayName,
        ["status"] = details.Status.ToString(),
        ["target"] = details.Target,
        ["startTimeUtc"] = JsonValues.Time(details.StartTimeUtc),
        ["endTimeUtc"] = JsonValues.Time(details.EndTimeUtc),
    };

    /// <summary>What <c>-t runoutput.json</c> holds: enough to find the run again (<c>model register -f</c>).</summary>
    public static JsonObject Metadata(Run run, RunDetails details) => new()
    {
        ["runId"] = run.Id,
        ["experimentName"] = run.Experiment.Name,
        ["status"] = details.Status.ToString(),
        ["target"] = details.Target,
        ["workspaceName"] = run.Workspace.Name,
        ["resourceGroupName"] = run.Workspace.ResourceGroup,
        ["subscriptionId"] = run.Workspace.SubscriptionId,
    };

    private static JsonNode? Definition(string? json)
    {
        if (json is null) return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
