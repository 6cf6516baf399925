using AzureML.Core.Webservices;

namespace AzureML.Core.Interactive.Formatting;

/// <summary>A web service as HTML: state, scoring URI, models, and a curl line that calls it.</summary>
internal static class WebserviceHtml
{
    public static string Render(Webservice service)
    {
        var rows = new List<(string, string)>
        {
            ("State", Html.Badge(service.State.ToString())),
            ("Compute type", Html.Encode(service.ComputeType)),
            ("Scoring URI", Html.Code(service.ScoringUri)),
        };
        if (service.SwaggerUri is { } swagger) rows.Add(("Swagger", Html.Code(swagger)));
        rows.Add(("Authentication", service.AuthEnabled ? "key (<code>service.GetKeys()</code>)" : "none"));
        rows.Add(("Models", string.Join("<br>", service.ModelIds.Select(Html.Code))));
        rows.Add(("Created", Html.Time(service.CreatedTime)));
        rows.Add(("Updated", Html.Time(service.UpdatedTime)));
        if (service.Description is { Length: > 0 } description) rows.Add(("Description", Html.Encode(description)));
        if (service.Tags.Count > 0) rows.Add(("Tags", Html.Pairs(service.Tags)));
        if (service.Error is { } error) rows.Add(("Error", Html.Encode(error)));
        string call = service.ScoringUri is null ? "" : Html.Section("Call it", $"<pre class=\"azureml-log\">{Html.Encode(CurlLine(service))}</pre>");
        return Html.View("webservice", Html.Heading($"Web service {service.Name}", service.GetType().Name) + Html.Properties(rows) + call);
    }

    /// <summary>The request the service answers; the key stays out of the page (an environment variable holds it).</summary>
    public static string CurlLine(Webservice service)
        => $"curl -X POST '{service.ScoringUri}' -H 'Content-Type: application/json'"
            + (service.AuthEnabled ? " -H \"Authorization: Bearer $AZUREML_SERVICE_KEY\"" : "")
            + " -d '{\"data\": [[...]]}'";
}
