using System.Text.Json.Nodes;
using AzureML.Cli.Output;
using AzureML.Core;

namespace AzureML.Cli.Models;

/// <summary>
/// Models as <c>az ml model register|show</c> prints them, the same JSON <c>-t registeredmodel.json</c> holds. Empty
/// tags and properties print as <c>""</c>, as az prints them.
/// </summary>
internal static class ModelJson
{
    public static JsonObject Describe(Model model) => new()
    {
        ["id"] = model.Id,
        ["name"] = model.Name,
        ["version"] = model.Version,
        ["framework"] = model.ModelFramework,
        ["frameworkVersion"] = model.ModelFrameworkVersion,
        ["description"] = model.Description ?? "",
        ["createdTime"] = JsonValues.Time(model.CreatedTime),
        ["experimentName"] = model.ExperimentName,
        ["runId"] = model.RunId,
        ["tags"] = MapOrEmpty(model.Tags),
        ["properties"] = MapOrEmpty(model.Properties),
    };

    private static JsonNode MapOrEmpty(IReadOnlyDictionary<string, string> values) => values.Count == 0 ? JsonValue.Create("") : JsonValues.Map(values);
}
