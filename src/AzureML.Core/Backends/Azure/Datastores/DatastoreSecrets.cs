namespace AzureML.Core.Backends.Azure.Datastores;

/// <summary><c>DatastoreSecrets</c>: the answer of <c>listSecrets</c> and the secret of a registration; never logged.</summary>
internal sealed class DatastoreSecrets
{
    public string? SecretsType { get; set; }
    public string? Key { get; set; }
    public string? SasToken { get; set; }
    public string? ClientSecret { get; set; }
    public string? Certificate { get; set; }
}
