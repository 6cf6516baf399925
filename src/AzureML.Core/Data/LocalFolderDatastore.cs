using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// A datastore that is a folder on this machine: register existing data in place, without copying it into
/// the workspace. Only a local workspace can use it.
/// </summary>
public class LocalFolderDatastore : Datastore
{
    internal LocalFolderDatastore(Workspace workspace, DatastoreRecord record) : base(workspace, record) { }

    /// <summary>For mocking.</summary>
    protected LocalFolderDatastore() { }

    /// <summary>The folder's absolute path.</summary>
    public virtual string LocalPath => Record.Settings[DatastoreRecord.FolderSetting]!;

    /// <summary>Registers a folder on this machine as a datastore.</summary>
    /// <param name="workspace">A local workspace.</param>
    /// <param name="datastoreName">The datastore name: letters, digits and underscores.</param>
    /// <param name="path">The folder; created when it does not exist.</param>
    /// <param name="overwrite">Replace a datastore of the same name.</param>
    /// <returns>The registered datastore.</returns>
    /// <exception cref="UserErrorException">The workspace is not local, the name is malformed, or it exists without <paramref name="overwrite"/>.</exception>
    public static LocalFolderDatastore RegisterLocalFolder(Workspace workspace, string datastoreName, string path, bool overwrite = false)
        => SynchronousCall.Run(() => RegisterLocalFolderAsync(workspace, datastoreName, path, overwrite));

    /// <inheritdoc cref="RegisterLocalFolder"/>
    /// <param name="workspace">A local workspace.</param>
    /// <param name="datastoreName">The datastore name: letters, digits and underscores.</param>
    /// <param name="path">The folder; created when it does not exist.</param>
    /// <param name="overwrite">Replace a datastore of the same name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<LocalFolderDatastore> RegisterLocalFolderAsync(Workspace workspace, string datastoreName, string path, bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(datastoreName, nameof(datastoreName));
        Argument.NotNullOrEmpty(path, nameof(path));
        if (!workspace.IsLocal)
        {
            throw new UserErrorException($"Datastore '{datastoreName}': a local folder can only be registered in a local workspace; '{workspace.Name}' is on Azure.");
        }

        var settings = new Dictionary<string, string?> { [DatastoreRecord.FolderSetting] = System.IO.Path.GetFullPath(path) };
        var record = new DatastoreRecord(datastoreName, DatastoreRecord.LocalFolderKind, settings, DatastoreRecord.NoCredential, false, DateTimeOffset.UtcNow);
        return new LocalFolderDatastore(workspace, await RegisterAsync(workspace, record, null, overwrite, cancellationToken).ConfigureAwait(false));
    }
}
