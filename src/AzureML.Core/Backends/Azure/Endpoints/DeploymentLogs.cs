namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>DeploymentLogs</c>: the log text.</summary>
internal sealed class DeploymentLogs
{
    public string? Content { get; set; }
}
