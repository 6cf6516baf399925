namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>DeploymentLogsRequest</c>: which container and how many lines.</summary>
internal sealed class DeploymentLogsRequest
{
    public string? ContainerType { get; set; }
    public int? Tail { get; set; }
}
