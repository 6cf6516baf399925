namespace AzureML.Core.Backends;

/// <summary>
/// A registered datastore. <see cref="Settings"/> holds the kind's non-secret fields (account name, container,
/// protocol, endpoint, folder); secrets never travel in a record, only <see cref="CredentialType"/> does.
/// </summary>
internal sealed record DatastoreRecord(
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string?> Settings,
    string CredentialType,
    bool IsDefault,
    DateTimeOffset CreatedTime)
{
    /// <summary>The kind of the workspace's own blob container.</summary>
    public const string AzureBlobKind = "AzureBlob";

    /// <summary>The kind of a folder on this machine.</summary>
    public const string LocalFolderKind = "LocalFolder";

    /// <summary>The settings key of a local-folder datastore's absolute path.</summary>
    public const string FolderSetting = "path";

    /// <summary>The credential type of a datastore registered without a secret.</summary>
    public const string NoCredential = "None";
}
