namespace AzureML.Core;

/// <summary>The container part of an <see cref="Environment"/>.</summary>
public sealed class DockerSection
{
    /// <summary>The default base image azureml-core uses for new environments.</summary>
    public const string DefaultCpuImage = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04";

    /// <summary>Run in a container. On a local workspace this needs a Docker engine.</summary>
    public bool Enabled { get; set; }

    /// <summary>The base image; mutually exclusive with <see cref="BaseDockerfile"/>.</summary>
    public string? BaseImage { get; set; } = DefaultCpuImage;

    /// <summary>A Dockerfile (its text) to build the base image from; mutually exclusive with <see cref="BaseImage"/>.</summary>
    public string? BaseDockerfile { get; set; }

    /// <summary>The registry <see cref="BaseImage"/> is pulled from, when it is not a public one.</summary>
    public ContainerRegistry? BaseImageRegistry { get; set; }

    /// <summary>Share the host's volumes with the container. Default <c>true</c>.</summary>
    public bool SharedVolumes { get; set; } = true;

    /// <summary>Shared memory size, for example <c>2g</c>.</summary>
    public string? ShmSize { get; set; }

    /// <summary>Extra arguments for the container runtime.</summary>
    public IList<string> Arguments { get; set; } = new List<string>();
}
