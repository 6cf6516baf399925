using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// Reads and writes an <see cref="Environment"/> in the <c>azureml_environment.json</c> form
/// (camelCase: <c>name</c>, <c>version</c>, <c>environmentVariables</c>, <c>python</c>, <c>docker</c>), the
/// form the CLI and the environment registry use.
/// </summary>
internal static class EnvironmentJson
{
    public static string Serialize(Environment environment) => ToNode(environment).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject ToNode(Environment environment)
    {
        CondaDependencies? conda = environment.Python.CondaDependencies;
        JsonObject? condaNode = null;
        if (conda is not null)
        {
            var dependencies = new JsonArray();
            if (conda.PythonVersion is not null) dependencies.Add($"python={conda.PythonVersion}");
            foreach (string p in conda.CondaPackages) dependencies.Add(p);
            if (conda.PipPackages.Count > 0)
            {
                dependencies.Add(new JsonObject { ["pip"] = new JsonArray(conda.PipPackages.Select(p => (JsonNode?)p).ToArray()) });
            }

            condaNode = new JsonObject
            {
                ["name"] = "project_environment",
                ["channels"] = new JsonArray(conda.CondaChannels.Select(c => (JsonNode?)c).ToArray()),
                ["dependencies"] = dependencies,
            };
        }

        return new JsonObject
        {
            ["name"] = environment.Name,
            ["version"] = environment.Version,
            ["environmentVariables"] = new JsonObject(environment.EnvironmentVariables.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["python"] = new JsonObject
            {
                ["userManagedDependencies"] = environment.Python.UserManagedDependencies,
                ["interpreterPath"] = environment.Python.InterpreterPath,
                ["condaDependenciesFile"] = environment.Python.CondaDependenciesFile,
                ["baseCondaEnvironment"] = environment.Python.BaseCondaEnvironment,
                ["condaDependencies"] = condaNode,
            },
            ["docker"] = new JsonObject
            {
                ["enabled"] = environment.Docker.Enabled,
                ["baseImage"] = environment.Docker.BaseImage,
                ["baseDockerfile"] = environment.Docker.BaseDockerfile,
                ["shmSize"] = environment.Docker.ShmSize,
                ["arguments"] = new JsonArray(environment.Docker.Arguments.Select(a => (JsonNode?)a).ToArray()),
            },
        };
    }

    public static Environment Deserialize(string json)
    {
        JsonObject root = JsonNode.Parse(json)?.AsObject() ?? throw new UserErrorException("An environment definition must be a JSON object.");
        var environment = new Environment(root["name"]?.GetValue<string>() ?? "unnamed")
        {
            Version = root["version"]?.ToString(),
        };

        if (root["environmentVariables"] is JsonObject variables)
        {
            foreach ((string key, JsonNode? value) in variables) environment.EnvironmentVariables[key] = value?.ToString() ?? "";
        }

        if (root["python"] is JsonObject python)
        {
            environment.Python.UserManagedDependencies = python["userManagedDependencies"]?.GetValue<bool>() ?? false;
            environment.Python.InterpreterPath = python["interpreterPath"]?.GetValue<string>() ?? "python";
            environment.Python.CondaDependenciesFile = python["condaDependenciesFile"]?.GetValue<string>();
            environment.Python.BaseCondaEnvironment = python["baseCondaEnvironment"]?.GetValue<string>();
            if (python["condaDependencies"] is JsonObject conda)
            {
                var deps = new CondaDependencies();
                foreach (JsonNode? channel in conda["channels"] as JsonArray ?? new JsonArray()) deps.AddChannel(channel!.GetValue<string>());
                foreach (JsonNode? item in conda["dependencies"] as JsonArray ?? new JsonArray())
                {
                    if (item is JsonObject pip && pip["pip"] is JsonArray pipPackages)
                    {
                        foreach (JsonNode? p in pipPackages) deps.AddPipPackage(p!.GetValue<string>());
                    }
                    else if (item is JsonValue v)
                    {
                        string spec = v.GetValue<string>();
                        if (spec.StartsWith("python=", StringComparison.Ordinal) || spec.StartsWith("python==", StringComparison.Ordinal)) deps.SetPythonVersion(spec.Split('=', StringSplitOptions.RemoveEmptyEntries)[1]);
                        else if (spec != "python") deps.AddCondaPackage(spec);
                    }
                }

                environment.Python.CondaDependencies = deps;
            }
        }

        if (root["docker"] is JsonObject docker)
        {
            environment.Docker.Enabled = docker["enabled"]?.GetValue<bool>() ?? false;
            environment.Docker.BaseImage = docker["baseImage"]?.GetValue<string>();
            environment.Docker.BaseDockerfile = docker["baseDockerfile"]?.GetValue<string>();
            environment.Docker.ShmSize = docker["shmSize"]?.GetValue<string>();
            environment.Docker.Arguments = (docker["arguments"] as JsonArray ?? new JsonArray()).Select(a => a!.GetValue<string>()).ToList();
        }

        return environment;
    }
}
