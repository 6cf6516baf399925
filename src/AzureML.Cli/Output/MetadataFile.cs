using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;

namespace AzureML.Cli.Output;

/// <summary>Writes and reads the JSON files of <c>-t/--output-metadata-file</c> and <c>-f/--run-metadata-file</c>.</summary>
internal static class MetadataFile
{
    public static void Write(string path, JsonObject metadata)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + ".tmp";
        File.WriteAllText(temp, JsonText.Format(metadata) + System.Environment.NewLine);
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The <c>runId</c> and <c>experimentName</c> of a metadata file; a malformed one is a usage error naming the file.</summary>
    public static (string RunId, string? ExperimentName) ReadRun(string path)
    {
        try
        {
            JsonObject json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new UsageException($"'{path}' must hold a JSON object with 'runId'.");
            string runId = json["runId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String
                ? id.GetValue<string>()
                : throw new UsageException($"'{path}' has no 'runId' string; it must be the file 'azml run submit-script -t' wrote.");
            string? experiment = json["experimentName"] is JsonValue e && e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : null;
            return (runId, experiment);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"'{path}' is not valid JSON: {ex.Message}");
        }
    }
}
