using System.Globalization;

namespace AzureML.Core;

/// <summary>
/// How a web service runs a model: an entry script (<c>init()</c> / <c>run(raw_data)</c>) and the environment
/// it runs in. Mirrors <c>azureml.core.model.InferenceConfig</c>; the legacy image arguments
/// (<c>runtime</c>, <c>condaFile</c>, <c>baseImage</c>…) build an
/// environment the way azureml-core does.
/// </summary>
public sealed class InferenceConfig
{
    /// <summary>Creates an inference configuration.</summary>
    /// <param name="entryScript">The scoring script, relative to <paramref name="sourceDirectory"/> when that is given.</param>
    /// <param name="runtime">Legacy: <c>python</c> (the only runtime a local workspace runs).</param>
    /// <param name="condaFile">Legacy: a conda specification, relative to <paramref name="sourceDirectory"/>.</param>
    /// <param name="extraDockerFileSteps">Legacy: extra Dockerfile steps (recorded; local services do not build images).</param>
    /// <param name="sourceDirectory">The folder holding the entry script and its helpers; copied into the service.</param>
    /// <param name="enableGpu">Legacy: request a GPU image.</param>
    /// <param name="description">A description.</param>
    /// <param name="baseImage">Legacy: the base image.</param>
    /// <param name="baseImageRegistry">Legacy: the base image's registry.</param>
    /// <param name="cudaVersion">Legacy: the CUDA version.</param>
    /// <param name="environment">The environment; exclusive with the legacy arguments.</param>
    /// <exception cref="UserErrorException">An environment was combined with legacy arguments, or the runtime is not Python.</exception>
    public InferenceConfig(string? entryScript = null, string? runtime = null, string? condaFile = null, string? extraDockerFileSteps = null,
        string? sourceDirectory = null, bool? enableGpu = null, string? description = null, string? baseImage = null,
        ContainerRegistry? baseImageRegistry = null, string? cudaVersion = null, Environment? environment = null)
    {
        bool legacy = runtime is not null || condaFile is not null || extraDockerFileSteps is not null || enableGpu is not null
            || baseImage is not null || baseImageRegistry is not null || cudaVersion is not null;
        if (environment is not null && legacy)
        {
            throw new UserErrorException("InferenceConfig takes either an environment or the legacy image arguments (runtime, condaFile, baseImage, …), not both.");
        }

        if (runtime is not null && !runtime.Equals("python", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException($"InferenceConfig runtime '{runtime}' is not supported; use \"python\" (or an environment).");
        }

        EntryScript = entryScript;
        SourceDirectory = sourceDirectory;
        Description = description;
        ExtraDockerFileSteps = extraDockerFileSteps;
        EnableGpu = enableGpu ?? false;
        CudaVersion = cudaVersion;
        Environment = environment ?? (legacy ? LegacyEnvironment(condaFile, sourceDirectory, baseImage, baseImageRegistry) : null);
    }

    /// <summary>The scoring script.</summary>
    public string? EntryScript { get; set; }

    /// <summary>The folder the entry script and its helpers come from.</summary>
    public string? SourceDirectory { get; set; }

    /// <summary>The environment the script runs in; <c>null</c> for the default scoring environment.</summary>
    public Environment? Environment { get; set; }

    /// <summary>A description.</summary>
    public string? Description { get; set; }

    /// <summary>Extra Dockerfile steps (legacy).</summary>
    public string? ExtraDockerFileSteps { get; set; }

    /// <summary>Whether a GPU image was asked for (legacy).</summary>
    public bool EnableGpu { get; set; }

    /// <summary>The CUDA version (legacy).</summary>
    public string? CudaVersion { get; set; }

    /// <summary>The entry script's full path: resolved against <see cref="SourceDirectory"/> when it is relative.</summary>
    internal string? ResolveEntryScript()
    {
        if (EntryScript is null) return null;
        string path = Path.GetFullPath(Path.IsPathRooted(EntryScript) || SourceDirectory is null ? EntryScript : Path.Combine(SourceDirectory, EntryScript));
        if (!File.Exists(path)) throw new UserErrorException($"The entry script '{EntryScript}' does not exist (looked for {path}).");
        return path;
    }

    /// <summary>
    /// Loads the CLI's inference configuration file (<c>inferenceConfig.json</c> or <c>.yml</c>): the current
    /// form (<c>entryScript</c>, <c>sourceDirectory</c>, <c>environment</c>) or the legacy one (<c>entryScript</c>,
    /// <c>runtime</c>, <c>condaFile</c>, <c>baseImage</c>…). Relative paths are relative to the file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="UserErrorException">The file is missing or malformed; the message names the key and line.</exception>
    public static InferenceConfig Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UserErrorException($"The inference configuration file '{full}' does not exist.");
        string source = $"'{full}'";
        var unknown = new UnknownKeys();
        YamlSection root = YamlSection.Root(YamlJson.Parse(File.ReadAllText(full), source), source, unknown, "an inference configuration");
        string folder = Path.GetDirectoryName(full)!;
        string? sourceDirectory = root.String("sourceDirectory") is string dir ? Path.GetFullPath(Path.Combine(folder, dir)) : null;
        string? entryScript = root.String("entryScript");
        Environment? environment = root.Section("environment") is YamlSection env ? EnvironmentJson.Read(env) : null;
        string? runtime = root.String("runtime");
        string? condaFile = root.String("condaFile");
        if (condaFile is not null) condaFile = Path.GetFullPath(Path.Combine(sourceDirectory ?? folder, condaFile));
        var config = new InferenceConfig(
            entryScript: entryScript is null ? null : sourceDirectory is null ? Path.GetFullPath(Path.Combine(folder, entryScript)) : entryScript,
            runtime: runtime,
            condaFile: condaFile,
            extraDockerFileSteps: root.String("extraDockerfileSteps"),
            sourceDirectory: sourceDirectory,
            enableGpu: root.Bool("enableGpu"),
            description: root.String("description"),
            baseImage: root.String("baseImage"),
            cudaVersion: root.String("cudaVersion"),
            environment: environment);
        foreach (string ignored in new[] { "schemaFile", "baseImageRegistry", "dependencies" }) _ = root.Raw(ignored);
        return config;
    }

    private static Environment LegacyEnvironment(string? condaFile, string? sourceDirectory, string? baseImage, ContainerRegistry? registry)
    {
        Environment environment = condaFile is null
            ? new Environment("inference-environment")
            : Environment.FromCondaSpecification("inference-environment",
                Path.IsPathRooted(condaFile) || sourceDirectory is null ? condaFile : Path.Combine(sourceDirectory, condaFile));
        if (baseImage is not null) environment.Docker.BaseImage = baseImage;
        if (registry is not null) environment.Docker.BaseImageRegistry = registry;
        return environment;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"InferenceConfig(entryScript={EntryScript}, sourceDirectory={SourceDirectory}, environment={Environment?.Name})");
}
