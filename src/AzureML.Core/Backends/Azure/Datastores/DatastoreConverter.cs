using AzureML.Core.Backends.Azure.Rest;

namespace AzureML.Core.Backends.Azure.Datastores;

/// <summary><see cref="DatastoreRecord"/> ↔ datastore DTO; the secret goes only into a registration body.</summary>
internal static class DatastoreConverter
{
    // The settings keys AzureBlobDatastore reads, the same on every backend.
    public const string AccountName = "accountName";
    public const string ContainerName = "containerName";
    public const string Endpoint = "endpoint";
    public const string Protocol = "protocol";

    public static DatastoreRecord ToRecord(ArmResource<DatastoreProperties> resource)
    {
        DatastoreProperties p = resource.Properties ?? new DatastoreProperties();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AccountName] = p.AccountName,
            [ContainerName] = p.ContainerName,
            [Endpoint] = p.Endpoint,
            [Protocol] = p.Protocol,
        };
        return new DatastoreRecord(resource.Name ?? ArmValues.LastSegment(resource.Id) ?? "", p.DatastoreType ?? DatastoreRecord.AzureBlobKind, settings,
            p.Credentials?.CredentialsType ?? DatastoreRecord.NoCredential, p.IsDefault ?? false, resource.SystemData?.CreatedAt ?? default);
    }

    /// <summary>The body that registers a blob container with an account key, a SAS token, or no secret (identity-based access).</summary>
    public static ArmResource<DatastoreProperties> ToBlobResource(DatastoreRecord record, string? secret)
    {
        record.Settings.TryGetValue(AccountName, out string? account);
        record.Settings.TryGetValue(ContainerName, out string? container);
        record.Settings.TryGetValue(Endpoint, out string? endpoint);
        record.Settings.TryGetValue(Protocol, out string? protocol);
        DatastoreCredentials credentials = record.CredentialType switch
        {
            "AccountKey" => new DatastoreCredentials { CredentialsType = "AccountKey", Secrets = new DatastoreSecrets { SecretsType = "AccountKey", Key = Require(secret, record) } },
            "Sas" => new DatastoreCredentials { CredentialsType = "Sas", Secrets = new DatastoreSecrets { SecretsType = "Sas", SasToken = Require(secret, record) } },
            _ => new DatastoreCredentials { CredentialsType = "None" },
        };
        return new ArmResource<DatastoreProperties>
        {
            Properties = new DatastoreProperties
            {
                DatastoreType = "AzureBlob",
                AccountName = account,
                ContainerName = container,
                Endpoint = endpoint ?? "core.windows.net",
                Protocol = protocol ?? "https",
                Credentials = credentials,
            },
        };
    }

    /// <summary>The container URL of a blob datastore: <c>{protocol}://{account}.blob.{endpoint}/{container}</c>.</summary>
    public static Uri ContainerUri(DatastoreRecord record)
    {
        string Get(string key) => record.Settings.TryGetValue(key, out string? v) && !string.IsNullOrEmpty(v) ? v
            : throw new UserErrorException($"Datastore '{record.Name}' has no '{key}'; only Azure blob datastores can be read and written.");
        string protocol = record.Settings.TryGetValue(Protocol, out string? p) && !string.IsNullOrEmpty(p) ? p : "https";
        string endpoint = record.Settings.TryGetValue(Endpoint, out string? e) && !string.IsNullOrEmpty(e) ? e : "core.windows.net";
        return new Uri($"{protocol}://{Get(AccountName)}.blob.{endpoint}/{Get(ContainerName)}");
    }

    private static string Require(string? secret, DatastoreRecord record)
        => string.IsNullOrEmpty(secret) ? throw new UserErrorException($"Datastore '{record.Name}' uses {record.CredentialType} credentials but no secret was given.") : secret;
}
