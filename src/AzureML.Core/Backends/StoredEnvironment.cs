using System.Text.Json.Nodes;

namespace AzureML.Core.Backends;

/// <summary>
/// How an environment definition is kept in the local store: without the container registry password (a
/// secret local runs never need) and with its environment variables in a fixed order, so the same
/// definition always compares equal and registers no new version.
/// </summary>
internal static class StoredEnvironment
{
    public static string Prepare(string definitionJson)
    {
        if (JsonNode.Parse(definitionJson) is not JsonObject root) return definitionJson;
        if (root["docker"]?["baseImageRegistry"] is JsonObject registry && registry["password"] is not null)
        {
            registry["password"] = null;
        }

        if (root["environmentVariables"] is JsonObject variables)
        {
            var sorted = new JsonObject();
            foreach ((string key, JsonNode? value) in variables.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
            {
                variables.Remove(key);
                sorted[key] = value;
            }

            root["environmentVariables"] = sorted;
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
