namespace AzureML.Core.Backends.Azure.Endpoints;

/// <summary><c>RegenerateEndpointKeysRequest</c>: which key to replace, optionally with a given value.</summary>
internal sealed class RegenerateKeysRequest
{
    public string? KeyType { get; set; }
    public string? KeyValue { get; set; }
}
