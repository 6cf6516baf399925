namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>EndpointAuthKeys</c>: the endpoint's keys; never logged.</summary>
internal sealed class EndpointAuthKeys
{
    public string? PrimaryKey { get; set; }
    public string? SecondaryKey { get; set; }
}
