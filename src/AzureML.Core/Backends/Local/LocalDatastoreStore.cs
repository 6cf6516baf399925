using System.Text.Json;
using AzureML.Core.Data;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Registered datastores and their files. Local implementation: a blob container is a folder under
/// <c>datastores/&lt;name&gt;</c> in the workspace; a local-folder datastore is the user's folder itself.
/// </summary>
internal sealed class LocalDatastoreStore : DatastoreStore
{
    private const string Columns = "name, kind, settings, credential_type, is_default, created_utc";
    private readonly LocalBackend _backend;
    private readonly LocalSecretProtector _secrets;
    private int _defaultEnsured;

    public LocalDatastoreStore(LocalBackend backend)
    {
        _backend = backend;
        _secrets = new LocalSecretProtector(backend.Root);
    }

    public override Task<DatastoreRecord> RegisterAsync(DatastoreRecord record, string? secret, bool overwrite, CancellationToken cancellationToken)
    {
        EnsureDefault();
        byte[]? sealedSecret = secret is null ? null : _secrets.Protect(secret, record.Name);
        DatastoreRecord registered = _backend.Database.Write((connection, transaction) =>
        {
            bool exists = LocalRunStore.Scalar(connection, transaction, "SELECT 1 FROM datastores WHERE name = $p0;", record.Name) is not null;
            if (exists && !overwrite)
            {
                throw new UserErrorException($"A datastore named '{record.Name}' is already registered. Pass overwrite: true to replace it, or choose another name.");
            }

            LocalRunStore.Execute(connection, transaction,
                "INSERT OR REPLACE INTO datastores (name, kind, settings, credential_type, secret, is_default, created_utc) VALUES ($p0, $p1, $p2, $p3, $p4, 0, $p5);",
                record.Name, record.Kind, JsonSerializer.Serialize(record.Settings, Internal.SdkJsonContext.Default.IReadOnlyDictionaryStringString), record.CredentialType, sealedSecret, LocalTime.Format(DateTimeOffset.UtcNow));
            return Get(connection, transaction, record.Name)!;
        });
        Directory.CreateDirectory(FolderOf(registered));
        return Task.FromResult(registered);
    }

    public override Task<DatastoreRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        EnsureDefault();
        return Task.FromResult(_backend.Database.Read(connection => Get(connection, null, name)));
    }

    public override IAsyncEnumerable<DatastoreRecord> ListAsync(CancellationToken cancellationToken)
    {
        EnsureDefault();
        return _backend.Database.Read<IReadOnlyList<DatastoreRecord>>(connection =>
        {
            using SqliteCommand command = LocalRunStore.Command(connection, null, $"SELECT {Columns} FROM datastores ORDER BY name;");
            return ReadAll(command);
        }).ToAsyncEnumerable();
    }

    public override async Task<DatastoreRecord> GetDefaultAsync(CancellationToken cancellationToken)
        => (await GetAsync(DefaultName, cancellationToken).ConfigureAwait(false))!;

    public override async Task<FileTransferSummary> UploadAsync(string datastore, IReadOnlyList<DatastoreFileCopy> files, bool overwrite,
        IProgress<DatastoreTransferProgress>? progress, CancellationToken cancellationToken)
    {
        string root = await FolderAsync(datastore, cancellationToken).ConfigureAwait(false);
        List<FileTransferItem> items = files.Select(f => new FileTransferItem(
            Path.Combine(root, f.PathOnDatastore),
            new FileInfo(f.LocalPath).Length,
            _ => Task.FromResult<Stream>(OpenFile(f.LocalPath)))).ToList();
        return await FileTransfer.CopyAllAsync(items, overwrite ? ExistingFilePolicy.Overwrite : ExistingFilePolicy.Skip, progress, cancellationToken)
            .ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<DatastoreFileInfo> ListFilesAsync(string datastore, string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string root = await FolderAsync(datastore, cancellationToken).ConfigureAwait(false);
        string start = Path.Combine(root, prefix);
        if (File.Exists(start))
        {
            yield return new DatastoreFileInfo(prefix, new FileInfo(start).Length);
            yield break;
        }

        if (!Directory.Exists(start)) yield break;
        IEnumerable<DatastoreFileInfo> files = new DirectoryInfo(start).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => new DatastoreFileInfo(Path.GetRelativePath(root, f.FullName).Replace('\\', '/'), f.Length))
            .Where(f => !IsTemporary(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        foreach (DatastoreFileInfo file in files) yield return file;
    }

    public override async Task<string?> GetFolderOnThisMachineAsync(string datastore, CancellationToken cancellationToken)
        => await FolderAsync(datastore, cancellationToken).ConfigureAwait(false);

    public override async Task<Stream> OpenReadAsync(string datastore, string path, CancellationToken cancellationToken)
    {
        string file = Path.Combine(await FolderAsync(datastore, cancellationToken).ConfigureAwait(false), path);
        if (!File.Exists(file)) throw new UserErrorException($"Datastore '{datastore}' has no file '{path}'.");
        return OpenFile(file);
    }

    /// <summary>The folder holding a datastore's files on this machine.</summary>
    public async Task<string> FolderAsync(string datastore, CancellationToken cancellationToken)
    {
        DatastoreRecord record = await GetAsync(datastore, cancellationToken).ConfigureAwait(false)
            ?? throw new UserErrorException($"Datastore '{datastore}' is not registered in this workspace.");
        return FolderOf(record);
    }

    private string FolderOf(DatastoreRecord record)
        => record.Kind == DatastoreRecord.LocalFolderKind ? record.Settings[DatastoreRecord.FolderSetting]! : Path.Combine(_backend.Root, "datastores", record.Name);

    // Files being written by a transfer are temporary siblings (FileWriting); they are not content yet.
    private static bool IsTemporary(string path) => Path.GetFileName(path).StartsWith('.') && path.EndsWith(".tmp", StringComparison.Ordinal);

    private static FileStream OpenFile(string path)
        => new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    // The default datastore exists in every workspace; it is recorded (and its folder made) on first use.
    private void EnsureDefault()
    {
        if (Volatile.Read(ref _defaultEnsured) == 1) return;
        _backend.Database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
            "INSERT OR IGNORE INTO datastores (name, kind, settings, credential_type, is_default, created_utc) VALUES ($p0, $p1, $p2, $p3, 1, $p4);",
            DefaultName, DatastoreRecord.AzureBlobKind,
            JsonSerializer.Serialize(new Dictionary<string, string?> { ["accountName"] = "local", ["containerName"] = DefaultName }, Internal.SdkJsonContext.Default.DictionaryStringString),
            DatastoreRecord.NoCredential, LocalTime.Format(DateTimeOffset.UtcNow)));
        Directory.CreateDirectory(Path.Combine(_backend.Root, "datastores", DefaultName));
        Volatile.Write(ref _defaultEnsured, 1);
    }

    private static DatastoreRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using SqliteCommand command = LocalRunStore.Command(connection, transaction, $"SELECT {Columns} FROM datastores WHERE name = $p0;", name);
        return ReadAll(command).FirstOrDefault();
    }

    private static List<DatastoreRecord> ReadAll(SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        var list = new List<DatastoreRecord>();
        while (reader.Read())
        {
            list.Add(new DatastoreRecord(
                reader.GetString(0),
                reader.GetString(1),
                JsonSerializer.Deserialize(reader.GetString(2), Internal.SdkJsonContext.Default.DictionaryStringString)!,
                reader.GetString(3),
                reader.GetInt64(4) == 1,
                LocalTime.Parse(reader.GetString(5))));
        }

        return list;
    }
}
