namespace AzureML.Core.Backends.Azure.Assets;

/// <summary><c>BuildContext</c>: a Docker build context and the Dockerfile in it.</summary>
internal sealed class BuildContext
{
    public string? ContextUri { get; set; }
    public string? DockerfilePath { get; set; }
}
