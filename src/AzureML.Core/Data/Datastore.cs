using System.Text.RegularExpressions;
using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// A named storage location registered in a workspace; datasets read their files from it. Mirrors
/// <c>azureml.core.Datastore</c>. On a local workspace every datastore is a folder: the default
/// <c>workspaceblobstore</c> and registered blob containers live under <c>datastores/&lt;name&gt;</c> in the
/// workspace, a <see cref="LocalFolderDatastore"/> is a folder of your choice.
/// </summary>
public abstract partial class Datastore
{
    private static readonly Regex s_name = new("^[A-Za-z0-9_]{1,255}$", RegexOptions.CultureInvariant);

    private protected Datastore(Workspace workspace, DatastoreRecord record)
    {
        Workspace = workspace;
        Record = record;
    }

    /// <summary>For mocking.</summary>
    protected Datastore()
    {
        Workspace = null!;
        Record = null!;
    }

    private protected DatastoreRecord Record { get; }

    /// <summary>The workspace the datastore is registered in.</summary>
    public virtual Workspace Workspace { get; }

    /// <summary>The datastore name.</summary>
    public virtual string Name => Record.Name;

    /// <summary>The kind: <c>AzureBlob</c> or <c>LocalFolder</c>.</summary>
    public virtual string DatastoreType => Record.Kind;

    /// <summary>True for the workspace's default datastore.</summary>
    public virtual bool IsDefault => Record.IsDefault;

    /// <summary>A path in this datastore, for datasets and uploads.</summary>
    /// <param name="path">The path relative to the datastore's root, wildcards allowed; null for the root.</param>
    /// <exception cref="UserErrorException">The path is absolute or leaves the datastore through '..'.</exception>
    public virtual DataPath Path(string? path = null) => new(this, path);

    /// <summary>Returns a registered datastore.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="datastoreName">The datastore name.</param>
    /// <exception cref="UserErrorException">No such datastore; the message lists the registered ones.</exception>
    public static Datastore Get(Workspace workspace, string datastoreName) => SynchronousCall.Run(() => GetAsync(workspace, datastoreName));

    /// <inheritdoc cref="Get(Workspace, string)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="datastoreName">The datastore name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Datastore> GetAsync(Workspace workspace, string datastoreName, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(datastoreName, nameof(datastoreName));
        DatastoreStore store = workspace.Backend.Datastores;
        DatastoreRecord? record = await store.GetAsync(datastoreName, cancellationToken).ConfigureAwait(false);
        if (record is not null) return FromRecord(workspace, record);

        IReadOnlyList<DatastoreRecord> all = await store.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        throw new UserErrorException(
            $"Datastore '{datastoreName}' is not registered in workspace '{workspace.Name}'. Registered datastores: {string.Join(", ", all.Select(d => d.Name))}.")
        {
            ErrorCode = AzureMLErrorCode.ResourceNotFound,
        };
    }

    /// <summary>Returns the workspace's default datastore, <c>workspaceblobstore</c>.</summary>
    /// <param name="workspace">The workspace.</param>
    public static Datastore GetDefault(Workspace workspace) => SynchronousCall.Run(() => GetDefaultAsync(workspace));

    /// <inheritdoc cref="GetDefault(Workspace)"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Datastore> GetDefaultAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        return FromRecord(workspace, await workspace.Backend.Datastores.GetDefaultAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every datastore of the workspace, by name.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal static async Task<IReadOnlyDictionary<string, Datastore>> GetAllAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        IReadOnlyList<DatastoreRecord> records = await workspace.Backend.Datastores.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new NamedCollection<Datastore>(records.Select(r => KeyValuePair.Create(r.Name, FromRecord(workspace, r))), "datastore");
    }

    internal static Datastore FromRecord(Workspace workspace, DatastoreRecord record) => record.Kind switch
    {
        DatastoreRecord.LocalFolderKind => new LocalFolderDatastore(workspace, record),
        _ => new AzureBlobDatastore(workspace, record),
    };

    private protected static async Task<DatastoreRecord> RegisterAsync(Workspace workspace, DatastoreRecord record, string? secret, bool overwrite,
        CancellationToken cancellationToken)
    {
        Argument.NotNull(workspace, nameof(workspace));
        if (!s_name.IsMatch(record.Name))
        {
            throw new UserErrorException($"Datastore name '{record.Name}' is not allowed: use 1 to 255 letters, digits and underscores.");
        }

        if (record.Name == DatastoreStore.DefaultName)
        {
            throw new UserErrorException($"'{DatastoreStore.DefaultName}' is the workspace's own datastore and cannot be registered; choose another name.");
        }

        return await workspace.Backend.Datastores.RegisterAsync(record, secret, overwrite, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}(name={Name}, type={DatastoreType})";
}
