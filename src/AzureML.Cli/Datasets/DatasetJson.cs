using System.Text.Json.Nodes;
using AzureML.Cli.Output;
using AzureML.Core;
using AzureML.Core.Data;

namespace AzureML.Cli.Datasets;

/// <summary>Datasets as <c>az ml dataset register</c> prints them: definition steps, registration, sources.</summary>
internal static class DatasetJson
{
    public static JsonObject Registered(Dataset dataset, Workspace workspace) => new()
    {
        ["definition"] = JsonValues.List(dataset is TabularDataset ? ["GetFiles", "ParseDelimited"] : ["GetFiles"]),
        ["registration"] = Registration(dataset, workspace),
        ["source"] = JsonValues.List(dataset.Sources),
    };

    public static JsonObject Registration(Dataset dataset, Workspace workspace) => new()
    {
        ["name"] = dataset.Name,
        ["version"] = dataset.Version,
        ["id"] = dataset.Id,
        ["description"] = dataset.Description,
        ["tags"] = JsonValues.Map(dataset.Tags),
        ["workspace"] = workspace.ToString(),
    };

    /// <summary>The definition file template: every field the file takes, with example values.</summary>
    public static JsonNode Template()
    {
        using Stream stream = typeof(DatasetJson).Assembly.GetManifestResourceStream("dataset-template.json")!;
        return JsonNode.Parse(stream)!;
    }
}
