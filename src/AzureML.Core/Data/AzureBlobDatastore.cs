using System.Text.RegularExpressions;
using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// A datastore backed by an Azure Blob Storage container. Mirrors <c>azureml.data.azure_storage_datastore.AzureBlobDatastore</c>.
/// The account key or SAS token given at registration is never exposed again; <see cref="CredentialType"/> says which one is held.
/// </summary>
public class AzureBlobDatastore : Datastore
{
    private static readonly Regex s_account = new("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_container = new("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);

    internal AzureBlobDatastore(Workspace workspace, DatastoreRecord record) : base(workspace, record) { }

    /// <summary>For mocking.</summary>
    protected AzureBlobDatastore() { }

    /// <summary>The storage account name.</summary>
    public virtual string? AccountName => Record.Settings.GetValueOrDefault("accountName");

    /// <summary>The blob container name.</summary>
    public virtual string? ContainerName => Record.Settings.GetValueOrDefault("containerName");

    /// <summary>The protocol used to reach the account, <c>https</c> by default.</summary>
    public virtual string? Protocol => Record.Settings.GetValueOrDefault("protocol");

    /// <summary>The storage endpoint suffix, <c>core.windows.net</c> by default.</summary>
    public virtual string? Endpoint => Record.Settings.GetValueOrDefault("endpoint");

    /// <summary>The kind of credential held: <c>None</c>, <c>AccountKey</c> or <c>Sas</c>.</summary>
    public virtual string CredentialType => Record.CredentialType;

    /// <summary>
    /// Registers a blob container as a datastore. The account key or SAS token is kept encrypted (on a local
    /// workspace with a per-workspace key file readable by you only) and is never written to logs or returned.
    /// On a local workspace the container's files live in a folder of the workspace.
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="datastoreName">The datastore name: letters, digits and underscores.</param>
    /// <param name="containerName">The container: 3 to 63 lowercase letters, digits and single hyphens.</param>
    /// <param name="accountName">The storage account: 3 to 24 lowercase letters and digits.</param>
    /// <param name="sasToken">A SAS token; exclusive with <paramref name="accountKey"/>.</param>
    /// <param name="accountKey">An account key; exclusive with <paramref name="sasToken"/>.</param>
    /// <param name="protocol"><c>https</c> (default) or <c>http</c>.</param>
    /// <param name="endpoint">The endpoint suffix; default <c>core.windows.net</c>.</param>
    /// <param name="overwrite">Replace a datastore of the same name.</param>
    /// <param name="createIfNotExists">Create the container when it does not exist (a local workspace always creates its folder).</param>
    /// <param name="skipValidation">Do not check that the account can be reached with the credential (a local workspace never reaches it).</param>
    /// <returns>The registered datastore.</returns>
    /// <exception cref="UserErrorException">A name is malformed, both credentials were given, or the name exists without <paramref name="overwrite"/>.</exception>
    public static AzureBlobDatastore RegisterAzureBlobContainer(Workspace workspace, string datastoreName, string containerName, string accountName,
        string? sasToken = null, string? accountKey = null, string? protocol = null, string? endpoint = null, bool overwrite = false,
        bool createIfNotExists = false, bool skipValidation = false)
        => SynchronousCall.Run(() => RegisterAzureBlobContainerAsync(workspace, datastoreName, containerName, accountName, sasToken, accountKey, protocol, endpoint, overwrite,
            createIfNotExists, skipValidation));

    /// <inheritdoc cref="RegisterAzureBlobContainer"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="datastoreName">The datastore name: letters, digits and underscores.</param>
    /// <param name="containerName">The container: 3 to 63 lowercase letters, digits and single hyphens.</param>
    /// <param name="accountName">The storage account: 3 to 24 lowercase letters and digits.</param>
    /// <param name="sasToken">A SAS token; exclusive with <paramref name="accountKey"/>.</param>
    /// <param name="accountKey">An account key; exclusive with <paramref name="sasToken"/>.</param>
    /// <param name="protocol"><c>https</c> (default) or <c>http</c>.</param>
    /// <param name="endpoint">The endpoint suffix; default <c>core.windows.net</c>.</param>
    /// <param name="overwrite">Replace a datastore of the same name.</param>
    /// <param name="createIfNotExists">Create the container when it does not exist (a local workspace always creates its folder).</param>
    /// <param name="skipValidation">Do not check that the account can be reached with the credential (a local workspace never reaches it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<AzureBlobDatastore> RegisterAzureBlobContainerAsync(Workspace workspace, string datastoreName, string containerName,
        string accountName, string? sasToken = null, string? accountKey = null, string? protocol = null, string? endpoint = null, bool overwrite = false,
        bool createIfNotExists = false, bool skipValidation = false, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(datastoreName, nameof(datastoreName));
        Argument.NotNullOrEmpty(containerName, nameof(containerName));
        Argument.NotNullOrEmpty(accountName, nameof(accountName));
        if (!s_account.IsMatch(accountName))
        {
            throw new UserErrorException($"Storage account name '{accountName}' is not valid: use 3 to 24 lowercase letters and digits.");
        }

        if (!s_container.IsMatch(containerName))
        {
            throw new UserErrorException(
                $"Container name '{containerName}' is not valid: use 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        if (protocol is not null && protocol is not ("https" or "http"))
        {
            throw new UserErrorException($"Protocol '{protocol}' is not supported; use 'https' or 'http'.");
        }

        if (!string.IsNullOrEmpty(sasToken) && !string.IsNullOrEmpty(accountKey))
        {
            throw new UserErrorException($"Datastore '{datastoreName}': give either sasToken or accountKey, not both.");
        }

        string credentialType = !string.IsNullOrEmpty(accountKey) ? "AccountKey" : !string.IsNullOrEmpty(sasToken) ? "Sas" : DatastoreRecord.NoCredential;
        var settings = new Dictionary<string, string?>
        {
            ["accountName"] = accountName,
            ["containerName"] = containerName,
            ["protocol"] = protocol ?? "https",
            ["endpoint"] = endpoint ?? "core.windows.net",
            ["createIfNotExists"] = createIfNotExists ? "true" : "false",
            ["skipValidation"] = skipValidation ? "true" : "false",
        };
        var record = new DatastoreRecord(datastoreName, DatastoreRecord.AzureBlobKind, settings, credentialType, false, DateTimeOffset.UtcNow);
        string? secret = string.IsNullOrEmpty(accountKey) ? string.IsNullOrEmpty(sasToken) ? null : sasToken : accountKey;
        return new AzureBlobDatastore(workspace, await RegisterAsync(workspace, record, secret, overwrite, cancellationToken).ConfigureAwait(false));
    }
}
