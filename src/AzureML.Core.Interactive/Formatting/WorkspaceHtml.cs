namespace AzureML.Core.Interactive.Formatting;

/// <summary>A workspace, an environment and a run's details as HTML: short property lists instead of object trees.</summary>
internal static class WorkspaceHtml
{
    public static string Render(Workspace ws)
    {
        IEnumerable<(string, string)> rows = ws.IsLocal
            ? [("Kind", "local"), ("Folder", Html.Code(ws.LocalPath))]
            : [("Kind", "Azure Machine Learning"), ("Subscription", Html.Code(ws.SubscriptionId)), ("Resource group", Html.Encode(ws.ResourceGroup)), ("Location", Html.Encode(ws.Location))];
        return Html.View("workspace", Html.Heading($"Workspace {ws.Name}") + Html.Properties(rows));
    }

    public static string Render(Environment environment)
    {
        var rows = new List<(string, string)> { ("Python", Html.Code(environment.Python.InterpreterPath)) };
        if (environment.Version is { } version) rows.Insert(0, ("Version", Html.Encode(version)));
        if (environment.Python.UserManagedDependencies) rows.Add(("Dependencies", "managed by you"));
        if (environment.Docker.Enabled) rows.Add(("Docker image", Html.Code(environment.Docker.BaseImage)));
        if (environment.EnvironmentVariables.Count > 0) rows.Add(("Variables", Html.Pairs(environment.EnvironmentVariables.AsReadOnly())));
        string conda = environment.Python.CondaDependencies is { } dependencies
            ? Html.Section("Conda specification", $"<pre class=\"azureml-log\">{Html.Encode(dependencies.ToString())}</pre>")
            : "";
        return Html.View("environment", Html.Heading($"Environment {environment.Name}") + Html.Properties(rows) + conda);
    }

    public static string Render(RunDetails details)
        => Html.View("run-details", Html.Heading($"Run {details.RunId}") + Html.Badge(details.Status.ToString())
            + $"<pre class=\"azureml-log\">{Html.Encode(details.ToString())}</pre>");
}
