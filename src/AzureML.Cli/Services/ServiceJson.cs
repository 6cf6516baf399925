using System.Text.Json.Nodes;
using AzureML.Cli.Output;
using AzureML.Core.Webservices;

namespace AzureML.Cli.Services;

/// <summary>Web services as <c>az ml service show</c> prints them.</summary>
internal static class ServiceJson
{
    public static JsonObject Describe(Webservice service) => new()
    {
        ["name"] = service.Name,
        ["computeType"] = service.ComputeType,
        ["state"] = service.State.ToString(),
        ["scoringUri"] = service.ScoringUri,
        ["swaggerUri"] = service.SwaggerUri,
        ["authEnabled"] = service.AuthEnabled,
        ["models"] = JsonValues.List(service.ModelIds),
        ["description"] = service.Description,
        ["tags"] = JsonValues.Map(service.Tags),
        ["properties"] = JsonValues.Map(service.Properties),
        ["createdTime"] = JsonValues.Time(service.CreatedTime),
        ["updatedAt"] = JsonValues.Time(service.UpdatedTime),
        ["error"] = service.Error,
        ["runtimeType"] = null,
    };

    public static JsonObject Keys((string Primary, string Secondary) keys) => new()
    {
        ["primaryKey"] = keys.Primary,
        ["secondaryKey"] = keys.Secondary,
    };
}
