namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>OnlineRequestSettings</c>.</summary>
internal sealed class RequestSettings
{
    public string? RequestTimeout { get; set; }
    public int? MaxConcurrentRequestsPerInstance { get; set; }
    public string? MaxQueueWait { get; set; }
}
