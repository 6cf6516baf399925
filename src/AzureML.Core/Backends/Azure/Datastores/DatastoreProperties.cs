namespace AzureML.Core.Backends.Azure.Datastores;

/// <summary><c>Datastore</c> properties with the <c>AzureBlobDatastore</c> fields; secrets only on the way in.</summary>
internal sealed class DatastoreProperties
{
    public string? DatastoreType { get; set; }
    public bool? IsDefault { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string?>? Tags { get; set; }
    public Dictionary<string, string?>? Properties { get; set; }
    public DatastoreCredentials? Credentials { get; set; }
    public string? AccountName { get; set; }
    public string? ContainerName { get; set; }
    public string? Endpoint { get; set; }
    public string? Protocol { get; set; }
    public string? ServiceDataAccessAuthIdentity { get; set; }
    public string? SubscriptionId { get; set; }
    public string? ResourceGroup { get; set; }
}
