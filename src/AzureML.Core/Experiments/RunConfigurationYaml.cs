using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AzureML.Core;

/// <summary>
/// The <c>.runconfig</c> document: camelCase keys in azureml-core's order, and the legacy TitleCase form
/// (<c>ArgumentVector</c>, <c>Target</c>, <c>Framework</c>, <c>CondaDependenciesFile</c>, <c>TrackedRun</c>,
/// <c>EnvironmentVariables</c>) that older projects still carry.
/// </summary>
internal static class RunConfigurationYaml
{
    private static readonly string[] LegacyKeys = ["ArgumentVector", "Target", "Framework", "CondaDependenciesFile", "TrackedRun", "EnvironmentVariables"];

    /// <summary>
    /// Reads a document; <c>condaDependenciesFile</c> is left for the caller, who knows the folder, to resolve.
    /// A legacy document also takes the settings of its target's <c>&lt;target&gt;.compute</c> file in <paramref name="folder"/>.
    /// </summary>
    public static RunConfiguration Read(YamlNode? root, string source, string folder)
    {
        var unknown = new UnknownKeys();
        YamlSection section = YamlSection.Root(root, source, unknown, "a run configuration");
        RunConfiguration configuration = section.Keys.Any(k => LegacyKeys.Contains(k, StringComparer.Ordinal)) && !section.Has("script")
            ? ReadLegacy(section, unknown, folder)
            : ReadCurrent(section, unknown);
        section.KeepUnknown();
        return configuration;
    }

    private static RunConfiguration ReadCurrent(YamlSection s, UnknownKeys unknown) => new(s.String("script"), s.Values("arguments"), ReadCommand(s))
    {
        Target = s.String("target") ?? "local",
        Framework = s.Choice("framework", RunConfiguration.Frameworks) ?? "Python",
        Communicator = s.Choice("communicator", RunConfiguration.Communicators) ?? "None",
        MaxRunDurationSeconds = s.Long("maxRunDurationSeconds", min: 1),
        NodeCount = s.Int("nodeCount", min: 1) ?? 1,
        Priority = s.Int("priority"),
        Environment = s.Section("environment") is { } environment ? EnvironmentJson.Read(environment) : new Environment(Environment.DefaultName),
        History = s.Read("history", HistoryConfiguration.Read) ?? new(),
        Spark = s.Read("spark", SparkConfiguration.Read) ?? new(),
        Docker = s.Read("docker", DockerConfiguration.Read) ?? new(),
        Hdi = s.Read("hdi", HdiConfiguration.Read) ?? new(),
        Tensorflow = s.Read("tensorflow", TensorflowConfiguration.Read) ?? new(),
        Mpi = s.Read("mpi", MpiConfiguration.Read) ?? new(),
        PyTorch = s.Read("pytorch", PyTorchConfiguration.Read) ?? new(),
        ParallelTask = s.Read("paralleltask", ParallelTaskConfiguration.Read) ?? new(),
        DataReferences = s.ReadMap("dataReferences", DataReferenceConfiguration.Read),
        Data = s.ReadMap("data", RunConfigurationData.Read),
        OutputData = s.ReadMap("outputData", OutputData.Read),
        SourceDirectoryDataStore = s.String("sourceDirectoryDataStore"),
        AmlCompute = s.Read("amlcompute", AmlComputeConfiguration.Read) ?? new(),
        CredentialPassthrough = s.Bool("credentialPassthrough") ?? false,
        UnknownKeys = unknown,
    };

    // azureml-core accepts the command as one string too and runs it through a shell. A plain word list (e.g.
    // "python train.py --lr 0.1") is split, so a Python command still gets the environment's interpreter; one that
    // needs a shell (quotes, pipes, &&, redirections, variables) runs through bash.
    private static List<string>? ReadCommand(YamlSection s)
        => s.Raw("command") is YamlScalarNode scalar && YamlJson.ResolveScalar(scalar) is string line
            ? line.IndexOfAny(['\'', '"', '|', '&', ';', '<', '>', '$', '`', '(', ')', '*', '?', '\\']) >= 0
                ? new List<string> { "bash", "-c", line }
                : line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()
            : s.StringList("command");

    private static RunConfiguration ReadLegacy(YamlSection s, UnknownKeys unknown, string folder)
    {
        List<object> vector = s.Values("ArgumentVector") ?? [];
        // The first entry is the script; "$file" stands for the script named at submission.
        string? script = vector.Count > 0 && vector[0] is string first && first != "$file" ? first : null;
        var configuration = new RunConfiguration(script, vector.Skip(1))
        {
            Target = s.String("Target") ?? "local",
            Framework = s.Choice("Framework", RunConfiguration.Frameworks) ?? "Python",
            History = { OutputCollection = s.Bool("TrackedRun") ?? true },
            UnknownKeys = unknown,
        };
        configuration.Environment.Python.CondaDependenciesFile = s.String("CondaDependenciesFile");
        foreach ((string key, string value) in s.StringMap("EnvironmentVariables") ?? new()) configuration.Environment.EnvironmentVariables[key] = value;
        string computeFile = Path.Combine(folder, configuration.Target + ".compute");
        if (File.Exists(computeFile)) ReadLegacyCompute(computeFile, configuration);
        return configuration;
    }

    // Legacy projects kept the container and interpreter settings of each target in <target>.compute.
    private static void ReadLegacyCompute(string file, RunConfiguration configuration)
    {
        string source = $"Compute file '{file}'";
        YamlSection compute = YamlSection.Root(YamlJson.Parse(File.ReadAllText(file), source), source, new UnknownKeys(), "a compute definition");
        Environment environment = configuration.Environment;
        string? type = compute.String("type");
        environment.Docker.Enabled = type is not null && type.Contains("docker", StringComparison.OrdinalIgnoreCase);
        environment.Docker.BaseImage = compute.String("baseDockerImage") ?? environment.Docker.BaseImage;
        environment.Docker.SharedVolumes = compute.Bool("sharedVolumes") ?? environment.Docker.SharedVolumes;
        environment.Python.InterpreterPath = compute.String("pythonLocation") ?? environment.Python.InterpreterPath;
        environment.Python.UserManagedDependencies = compute.Bool("userManagedEnvironment") ?? false;
        configuration.Hdi.YarnDeployMode = compute.Choice("yarnDeployMode", HdiConfiguration.DeployModes) ?? configuration.Hdi.YarnDeployMode;
        configuration.NodeCount = compute.Int("nodeCount", min: 1) ?? configuration.NodeCount;
        configuration.Priority = compute.Int("priority");
    }

    /// <summary>
    /// The document as azureml-core writes it. With <paramref name="condaDependenciesFile"/> the conda
    /// dependencies are referenced by that file instead of inlined.
    /// </summary>
    public static JsonObject ToNode(RunConfiguration configuration, string? condaDependenciesFile)
    {
        JsonObject environment = EnvironmentJson.ToNode(configuration.Environment, inlineCondaDependencies: condaDependenciesFile is null);
        if (condaDependenciesFile is not null) ((JsonObject)environment["python"]!)["condaDependenciesFile"] = condaDependenciesFile;
        // Run-level variables add to the environment's, as they do when the run is submitted.
        var variables = (JsonObject)environment["environmentVariables"]!;
        foreach ((string key, string value) in configuration.EnvironmentVariables)
        {
            if (!variables.ContainsKey(key)) variables[key] = value;
        }

        var root = new JsonObject
        {
            ["script"] = configuration.Script,
            ["arguments"] = new JsonArray(configuration.Arguments.Select(RunConfigurationNodes.Argument).ToArray()),
            ["target"] = configuration.Target,
            ["framework"] = configuration.Framework,
            ["communicator"] = configuration.Communicator,
            ["maxRunDurationSeconds"] = configuration.MaxRunDurationSeconds,
            ["nodeCount"] = configuration.NodeCount,
            ["priority"] = configuration.Priority,
            ["environment"] = environment,
            ["history"] = configuration.History.ToNode(),
            ["spark"] = configuration.Spark.ToNode(),
            ["docker"] = configuration.Docker.ToNode(),
            ["hdi"] = configuration.Hdi.ToNode(),
            ["tensorflow"] = configuration.Tensorflow.ToNode(),
            ["mpi"] = configuration.Mpi.ToNode(),
            ["pytorch"] = configuration.PyTorch.ToNode(),
            ["paralleltask"] = configuration.ParallelTask.ToNode(),
            ["dataReferences"] = Named(configuration.DataReferences, r => r.ToNode()),
            ["data"] = Named(configuration.Data, d => d.ToNode()),
            ["outputData"] = Named(configuration.OutputData, o => o.ToNode()),
            ["sourceDirectoryDataStore"] = configuration.SourceDirectoryDataStore,
            ["amlcompute"] = configuration.AmlCompute.ToNode(),
            ["credentialPassthrough"] = configuration.CredentialPassthrough,
            ["command"] = RunConfigurationNodes.Strings(configuration.Command),
        };
        configuration.UnknownKeys.WriteInto(root);
        return root;
    }

    private static JsonObject Named<T>(IDictionary<string, T> items, Func<T, JsonObject> toNode)
        => new(items.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)toNode(kv.Value))));
}
