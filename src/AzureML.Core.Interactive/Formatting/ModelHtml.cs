using AzureML.Core;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>A registered model as HTML: id, framework, where it came from, tags, properties and files.</summary>
internal static class ModelHtml
{
    public static string Render(Model model)
    {
        var rows = new List<(string, string)>
        {
            ("Id", Html.Code(model.Id)),
            ("Framework", Html.Encode(model.ModelFramework + (model.ModelFrameworkVersion is { } v ? " " + v : ""))),
            ("Created", Html.Time(model.CreatedTime)),
        };
        if (model.Description is { Length: > 0 } description) rows.Add(("Description", Html.Encode(description)));
        if (model.RunId is { } runId) rows.Add(("From run", $"{Html.Code(runId)} <span class=\"azureml-muted\">{Html.Encode(model.ExperimentName)}</span>"));
        if (model.ResourceConfiguration is { } resources) rows.Add(("Resources", Html.Encode(resources.ToString())));
        rows.Add(("Tags", Html.Pairs(model.Tags)));
        rows.Add(("Properties", Html.Pairs(model.Properties)));
        rows.Add(("Files", string.Join("<br>", model.Files.Select(Html.Code))));
        rows.Add(("Url", Html.Code(model.Url)));
        return Html.View("model", Html.Heading($"Model {model.Name}", $"version {model.Version}") + Html.Properties(rows));
    }
}
