namespace AzureML.Core.Backends.Azure.Datastores;

/// <summary><c>DatastoreCredentials</c>: <c>AccountKey</c>, <c>Sas</c> or <c>None</c>, with write-only secrets.</summary>
internal sealed class DatastoreCredentials
{
    public string? CredentialsType { get; set; }
    public DatastoreSecrets? Secrets { get; set; }
}
