using System.Text.Json.Nodes;

namespace AzureML.Core;

/// <summary>
/// How a run uses containers: the <c>docker</c> section of a run configuration. Mirrors
/// <c>azureml.core.runconfig.DockerConfiguration</c>, which replaces the deprecated container settings of
/// <see cref="DockerSection"/>.
/// </summary>
public sealed class DockerConfiguration
{
    /// <summary>Creates a configuration; unset values defer to the environment's <see cref="DockerSection"/>.</summary>
    /// <param name="useDocker">Run in a container.</param>
    /// <param name="sharedVolumes">Share the host's volumes with the container.</param>
    /// <param name="shmSize">Shared memory size, for example <c>2g</c>.</param>
    /// <param name="arguments">Extra arguments for the container runtime.</param>
    public DockerConfiguration(bool? useDocker = null, bool? sharedVolumes = null, string? shmSize = null, IEnumerable<string>? arguments = null)
    {
        UseDocker = useDocker;
        SharedVolumes = sharedVolumes;
        ShmSize = shmSize;
        Arguments = arguments?.ToList() ?? new List<string>();
    }

    /// <summary>Run in a container; <c>null</c> defers to <see cref="DockerSection.Enabled"/>.</summary>
    public bool? UseDocker { get; set; }

    /// <summary>Share the host's volumes with the container; <c>null</c> for the default.</summary>
    public bool? SharedVolumes { get; set; }

    /// <summary>Shared memory size, for example <c>2g</c>; <c>null</c> for the default.</summary>
    public string? ShmSize { get; set; }

    /// <summary>Extra arguments for the container runtime.</summary>
    public IList<string> Arguments { get; set; }

    internal static DockerConfiguration Read(YamlSection section)
        => new(section.Bool("useDocker"), section.Bool("sharedVolumes"), section.String("shmSize"), section.StringList("arguments"));

    internal JsonObject ToNode() => new()
    {
        ["useDocker"] = UseDocker,
        ["sharedVolumes"] = SharedVolumes,
        ["shmSize"] = ShmSize,
        ["arguments"] = RunConfigurationNodes.Strings(Arguments),
    };
}
