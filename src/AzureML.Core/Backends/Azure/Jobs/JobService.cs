namespace AzureML.Core.Backends.Azure.Jobs;

/// <summary><c>JobService</c>: an endpoint the service exposes for a job (<c>Studio</c>, <c>Tracking</c>).</summary>
internal sealed class JobService
{
    public string? JobServiceType { get; set; }
    public string? Endpoint { get; set; }
    public string? Status { get; set; }
    public string? Port { get; set; }
}
