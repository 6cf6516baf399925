using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AzureML.Core;

/// <summary>
/// Reads and writes an <see cref="Environment"/> in the <c>azureml_environment.json</c> form
/// (camelCase: <c>name</c>, <c>version</c>, <c>environmentVariables</c>, <c>python</c>, <c>docker</c>,
/// <c>inferencingStackVersion</c>), the form the CLI, the environment registry, inference configurations and
/// the <c>environment</c> section of a <c>.runconfig</c> use. Sections it does not model (<c>spark</c>,
/// <c>databricks</c>, <c>r</c>…) are kept as they were read.
/// </summary>
internal static class EnvironmentJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Serialize(Environment environment) => ToNode(environment).ToJsonString(Indented);

    public static JsonObject ToNode(Environment environment) => ToNode(environment, inlineCondaDependencies: true);

    /// <summary>The definition; without inline conda dependencies when they are written to their own file.</summary>
    public static JsonObject ToNode(Environment environment, bool inlineCondaDependencies)
    {
        PythonSection python = environment.Python;
        DockerSection docker = environment.Docker;
        var pythonNode = new JsonObject
        {
            ["userManagedDependencies"] = python.UserManagedDependencies,
            ["interpreterPath"] = python.InterpreterPath,
            ["condaDependenciesFile"] = python.CondaDependenciesFile,
            ["baseCondaEnvironment"] = python.BaseCondaEnvironment,
        };
        if (inlineCondaDependencies) pythonNode["condaDependencies"] = python.CondaDependencies?.ToNode();

        var registryNode = new JsonObject
        {
            ["address"] = docker.BaseImageRegistry?.Address,
            ["username"] = docker.BaseImageRegistry?.Username,
            ["password"] = docker.BaseImageRegistry?.Password,
        };
        var dockerNode = new JsonObject
        {
            ["enabled"] = docker.Enabled,
            ["baseImage"] = docker.BaseImage,
            ["baseDockerfile"] = docker.BaseDockerfile,
            ["sharedVolumes"] = docker.SharedVolumes,
            ["shmSize"] = docker.ShmSize,
            ["arguments"] = new JsonArray(docker.Arguments.Select(a => (JsonNode?)a).ToArray()),
            ["baseImageRegistry"] = registryNode,
        };
        var root = new JsonObject
        {
            ["name"] = environment.Name,
            ["version"] = environment.Version,
            ["environmentVariables"] = new JsonObject(environment.EnvironmentVariables.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["python"] = pythonNode,
            ["docker"] = dockerNode,
            ["inferencingStackVersion"] = environment.InferencingStackVersion,
        };

        environment.UnknownKeys.WriteInto(root);
        return root;
    }

    public static Environment Deserialize(string json) => Deserialize(json, "The environment definition");

    /// <summary>Reads a definition; errors name <paramref name="source"/> and the line.</summary>
    public static Environment Deserialize(string json, string source)
        => Read(YamlSection.Root(YamlJson.Parse(json, source), source, new UnknownKeys(), "an environment definition"));

    /// <summary>
    /// Reads an environment section. <c>condaDependenciesFile</c> is kept as a name; the caller that knows the
    /// folder resolves it.
    /// </summary>
    public static Environment Read(YamlSection section)
    {
        var unknown = new UnknownKeys();
        section = section.WithSink(unknown);
        var environment = new Environment(section.String("name") ?? Environment.DefaultName)
        {
            Version = section.String("version"),
            InferencingStackVersion = section.String("inferencingStackVersion"),
            UnknownKeys = unknown,
        };
        foreach ((string key, string value) in section.StringMap("environmentVariables") ?? new()) environment.EnvironmentVariables[key] = value;

        if (section.Section("python") is YamlSection python) ReadPython(python, environment.Python);
        if (section.Section("docker") is YamlSection docker) ReadDocker(docker, environment.Docker);
        section.KeepUnknown();
        return environment;
    }

    private static void ReadPython(YamlSection section, PythonSection python)
    {
        python.UserManagedDependencies = section.Bool("userManagedDependencies") ?? false;
        python.InterpreterPath = section.String("interpreterPath") ?? "python";
        python.CondaDependenciesFile = section.String("condaDependenciesFile");
        python.BaseCondaEnvironment = section.String("baseCondaEnvironment");
        if (section.NonEmpty("condaDependencies") is YamlNode inline)
        {
            python.CondaDependencies = CondaDependencies.FromYaml(inline, section.Source, section.PathOf("condaDependencies"));
        }

        section.KeepUnknown();
    }

    private static void ReadDocker(YamlSection section, DockerSection docker)
    {
        docker.Enabled = section.Bool("enabled") ?? false;
        // A hand-written section without the key keeps the default image; an explicit empty value clears it.
        docker.BaseImage = section.Has("baseImage") ? section.String("baseImage") : docker.BaseImage;
        docker.BaseDockerfile = section.String("baseDockerfile");
        docker.SharedVolumes = section.Bool("sharedVolumes") ?? true;
        docker.ShmSize = section.String("shmSize");
        docker.Arguments = section.StringList("arguments") ?? new List<string>();
        if (section.Section("baseImageRegistry") is YamlSection registry)
        {
            var value = new ContainerRegistry
            {
                Address = registry.String("address"),
                Username = registry.String("username"),
                Password = registry.String("password"),
            };
            registry.KeepUnknown();
            if (value.Address is not null || value.Username is not null || value.Password is not null) docker.BaseImageRegistry = value;
        }

        section.KeepUnknown();
    }
}
