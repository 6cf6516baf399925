using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;

namespace AzureML.Cli.Folders;

/// <summary>
/// The experiment name <c>folder attach -e</c> records beside the workspace in <c>.azureml/config.json</c>, the
/// default experiment of <c>run submit-script</c> in that folder.
/// </summary>
internal static class ProjectConfig
{
    private const string ExperimentKey = "experiment_name";

    public static void SetExperiment(string configFile, string experimentName)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(configFile))!.AsObject();
        json[ExperimentKey] = experimentName;
        File.WriteAllText(configFile, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The recorded experiment of <paramref name="projectFolder"/>, or null.</summary>
    public static string? Experiment(string projectFolder)
    {
        foreach (string folder in new[] { ".azureml", "aml_config" })
        {
            string file = Path.Combine(projectFolder, folder, "config.json");
            if (!File.Exists(file)) continue;
            try
            {
                return JsonNode.Parse(File.ReadAllText(file)) is JsonObject obj && obj[ExperimentKey] is JsonValue value ? value.GetValue<string>() : null;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                throw new UsageException($"'{file}' is not a valid workspace configuration file: {ex.Message}");
            }
        }

        return null;
    }
}
