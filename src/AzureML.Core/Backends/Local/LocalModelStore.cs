using System.Globalization;
using Microsoft.Data.Sqlite;
using static AzureML.Core.Backends.Local.LocalRunStore;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The model registry of a local workspace: rows in SQLite, files in <c>models/&lt;name&gt;/&lt;version&gt;/</c>.
/// A version's folder appears (by one rename) inside the same IMMEDIATE transaction that inserts its row,
/// so other processes never see a row without files; a crash between rename and commit leaves a folder no
/// row points at, which the next registration of that version number removes.
/// </summary>
internal sealed class LocalModelStore : ModelStore
{
    private const string Columns = "name, version, description, framework, framework_version, run_id, experiment_name, resource_configuration, created_utc";
    private readonly LocalBackend _backend;

    public LocalModelStore(LocalBackend backend) => _backend = backend;

    private LocalDatabase Database => _backend.Database;

    private string ModelsRoot => Path.Combine(_backend.Root, "models");

    /// <summary>Where files wait before they are published or after they are unpublished; beside the registry so moves are renames.</summary>
    private string StagingRoot => Path.Combine(ModelsRoot, ".staging");

    /// <summary>
    /// The folder holding a registered version's files, laid out as <see cref="ModelRecord.Files"/> names
    /// them (<c>model.pkl</c>, or <c>outputs/…</c> for a registered folder). For code that needs the files
    /// on this machine, such as a deployment laying out <c>azureml-models/&lt;name&gt;/&lt;version&gt;</c>
    /// for a scoring process. Read it, never write it: the registry owns it.
    /// </summary>
    internal string GetLocalFolder(string name, int version) => Path.Combine(ModelsRoot, name, version.ToString(CultureInfo.InvariantCulture));

    public override async Task<ModelRecord> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.RunFiles is { } runFiles) registration = registration with { Files = await RunFilesAsync(runFiles, cancellationToken).ConfigureAwait(false) };
        string staging = Path.Combine(StagingRoot, Guid.NewGuid().ToString("N"));
        int? placed = null;
        try
        {
            await StageAsync(staging, registration.Files, cancellationToken).ConfigureAwait(false);
            return Database.Write((connection, transaction) =>
            {
                int version = Convert.ToInt32(Scalar(connection, transaction,
                    "INSERT INTO model_names (name, last_version) VALUES ($p0, 1) " +
                    "ON CONFLICT (name) DO UPDATE SET last_version = last_version + 1 RETURNING last_version;",
                    registration.Name), CultureInfo.InvariantCulture);
                string folder = GetLocalFolder(registration.Name, version);

                // The number was handed out under the write lock and never before committed, so a folder
                // already there is what a crashed registration left behind.
                DeleteFolder(folder);
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                Directory.Move(staging, folder);
                placed = version;
                Insert(connection, transaction, registration, version);
                return Get(connection, transaction, registration.Name, version)!;
            });
        }
        catch
        {
            if (placed is int version) RemoveUnregistered(registration.Name, version);
            throw;
        }
        finally
        {
            DeleteFolder(staging);
        }
    }

    public override Task<ModelRecord?> GetAsync(string name, int? version, CancellationToken cancellationToken)
        => Task.FromResult(Database.Read(connection => Get(connection, null, name, version)));

    public override IAsyncEnumerable<ModelRecord> ListAsync(ModelQuery query, CancellationToken cancellationToken)
        => Database.Read<IReadOnlyList<ModelRecord>>(connection =>
        {
            IEnumerable<ModelRecord> models = Query(connection, null,
                    $"SELECT {Columns} FROM models WHERE ($p0 IS NULL OR name = $p0) AND ($p1 IS NULL OR run_id = $p1) AND ($p2 IS NULL OR framework = $p2) " +
                    "ORDER BY name, version DESC;",
                    query.Name, query.RunId, query.Framework)
                .Select(model => WithDetails(connection, null, model))
                .Where(query.Matches);
            if (query.Latest) models = models.GroupBy(model => model.Name, StringComparer.Ordinal).Select(group => group.First());
            return models.ToList();
        }).ToAsyncEnumerable();

    public override Task<string?> GetFolderOnThisMachineAsync(string name, int version, CancellationToken cancellationToken)
        => Task.FromResult<string?>(GetLocalFolder(name, version));

    public override Task<Stream> OpenReadAsync(string name, int version, string file, CancellationToken cancellationToken)
    {
        bool listed = Database.Read(connection =>
            Scalar(connection, null, "SELECT 1 FROM model_files WHERE name = $p0 AND version = $p1 AND path = $p2;", name, version, file) is not null);
        if (!listed) throw new UserErrorException($"Model '{name}:{version}' has no file '{file}'.");
        string path = Path.Combine(GetLocalFolder(name, version), file.Replace('/', Path.DirectorySeparatorChar));
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
    }

    public override Task<ModelRecord> UpdateTagsAsync(string name, int version, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove,
        CancellationToken cancellationToken)
        => Task.FromResult(Change(name, version, (connection, transaction) =>
        {
            foreach ((string key, string value) in set)
            {
                Execute(connection, transaction, "INSERT OR REPLACE INTO model_tags (name, version, key, value) VALUES ($p0, $p1, $p2, $p3);", name, version, key, value);
            }

            foreach (string key in remove)
            {
                Execute(connection, transaction, "DELETE FROM model_tags WHERE name = $p0 AND version = $p1 AND key = $p2;", name, version, key);
            }
        }));

    public override Task<ModelRecord> AddPropertiesAsync(string name, int version, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
        => Task.FromResult(Change(name, version, (connection, transaction) =>
        {
            foreach ((string key, string value) in properties)
            {
                object? existing = Scalar(connection, transaction, "SELECT value FROM model_properties WHERE name = $p0 AND version = $p1 AND key = $p2;", name, version, key);
                if (existing is string old && old != value)
                {
                    throw new UserErrorException(
                        $"Property '{key}' of model '{name}:{version}' is already set to '{old}'; properties are immutable once set (use tags for values that change).");
                }

                Execute(connection, transaction, "INSERT OR IGNORE INTO model_properties (name, version, key, value) VALUES ($p0, $p1, $p2, $p3);", name, version, key, value);
            }
        }));

    public override Task<ModelRecord> UpdateAsync(string name, int version, ModelUpdate update, CancellationToken cancellationToken)
        => Task.FromResult(Change(name, version, (connection, transaction) =>
        {
            if (update.Tags is not null)
            {
                Execute(connection, transaction, "DELETE FROM model_tags WHERE name = $p0 AND version = $p1;", name, version);
                foreach ((string key, string value) in update.Tags)
                {
                    Execute(connection, transaction, "INSERT INTO model_tags (name, version, key, value) VALUES ($p0, $p1, $p2, $p3);", name, version, key, value);
                }
            }

            Execute(connection, transaction,
                "UPDATE models SET description = COALESCE($p2, description), resource_configuration = COALESCE($p3, resource_configuration) WHERE name = $p0 AND version = $p1;",
                name, version, update.Description, update.ResourceConfiguration?.Serialize());
        }));

    public override Task<bool> DeleteAsync(string name, int version, CancellationToken cancellationToken)
    {
        string folder = GetLocalFolder(name, version);
        string doomed = Path.Combine(StagingRoot, $"{Guid.NewGuid():N}-deleted");
        bool moved = false;
        bool deleted;
        try
        {
            deleted = Database.Write((connection, transaction) =>
            {
                RefuseWhileDeployed(connection, transaction, name, version);
                if (Execute(connection, transaction, "DELETE FROM models WHERE name = $p0 AND version = $p1;", name, version) == 0) return false;
                if (Directory.Exists(folder))
                {
                    Directory.CreateDirectory(StagingRoot);
                    Directory.Move(folder, doomed);
                    moved = true;
                }

                return true;
            });
        }
        catch
        {
            // The row is still there, so no registration can be handed this number: putting the files back needs no lock.
            if (moved) Directory.Move(doomed, folder);
            throw;
        }

        DeleteFolder(doomed);
        return Task.FromResult(deleted);
    }

    // A service copies its models when it starts, but an update or restart needs the registered files again.
    private static void RefuseWhileDeployed(SqliteConnection connection, SqliteTransaction transaction, string name, int version)
    {
        string id = $"{name}:{version.ToString(CultureInfo.InvariantCulture)}";
        var users = new List<string>();
        using (SqliteCommand command = LocalRunStore.Command(connection, transaction, "SELECT name, definition FROM services ORDER BY name;"))
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (LocalServiceDefinition.FromJson(reader.GetString(1)).Models.Any(m => m.Id == id)) users.Add(reader.GetString(0));
            }
        }

        if (users.Count > 0)
        {
            throw new UserErrorException($"Model {id} is deployed in the web service(s) {string.Join(", ", users)}; delete or update those services first.");
        }
    }

    private static async Task StageAsync(string staging, IReadOnlyList<ModelFileSource> files, CancellationToken cancellationToken)
    {
        string root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
        foreach (ModelFileSource file in files)
        {
            string target = Path.GetFullPath(Path.Combine(root, file.Name.Replace('/', Path.DirectorySeparatorChar)));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new UserErrorException($"The model file name '{file.Name}' must be a relative path inside the model, without '..'.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using Stream source = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await source.CopyToAsync(output, cancellationToken).ConfigureAwait(false);

            // On disk before the row commits, so a power loss cannot leave a registered version with truncated files.
            output.Flush(flushToDisk: true);
        }
    }

    private void Insert(SqliteConnection connection, SqliteTransaction transaction, ModelRegistration registration, int version)
    {
        string name = registration.Name;
        Execute(connection, transaction,
            $"INSERT INTO models ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8);",
            name, version, registration.Description, registration.Framework, registration.FrameworkVersion, registration.RunId,
            registration.ExperimentName, registration.ResourceConfiguration?.Serialize(), LocalTime.Format(DateTimeOffset.UtcNow));
        foreach ((string key, string value) in registration.Tags)
        {
            Execute(connection, transaction, "INSERT INTO model_tags (name, version, key, value) VALUES ($p0, $p1, $p2, $p3);", name, version, key, value);
        }

        foreach ((string key, string value) in registration.Properties)
        {
            Execute(connection, transaction, "INSERT INTO model_properties (name, version, key, value) VALUES ($p0, $p1, $p2, $p3);", name, version, key, value);
        }

        foreach (ModelFileSource file in registration.Files)
        {
            Execute(connection, transaction, "INSERT INTO model_files (name, version, path) VALUES ($p0, $p1, $p2);", name, version, file.Name);
        }
    }

    // A run's files are copied from the run's folder into the registry, inside the workspace.
    private async Task<IReadOnlyList<ModelFileSource>> RunFilesAsync(RunFilesReference runFiles, CancellationToken cancellationToken)
        => (await RunModelFiles.SelectAsync(_backend.Artifacts, runFiles, cancellationToken).ConfigureAwait(false))
            .Select(f => new ModelFileSource(f.ModelFile, ct => _backend.Artifacts.OpenReadAsync(runFiles.RunId, f.RunFile, ct)))
            .ToList();

    /// <summary>Removes a version's folder when no row claims it; under the write lock, so it cannot race a registration that is placing it.</summary>
    private void RemoveUnregistered(string name, int version)
        => Database.Write((connection, transaction) =>
        {
            if (Scalar(connection, transaction, "SELECT 1 FROM models WHERE name = $p0 AND version = $p1;", name, version) is null)
            {
                DeleteFolder(GetLocalFolder(name, version));
            }

            return 0;
        });

    private ModelRecord Change(string name, int version, Action<SqliteConnection, SqliteTransaction> change)
        => Database.Write((connection, transaction) =>
        {
            if (Scalar(connection, transaction, "SELECT 1 FROM models WHERE name = $p0 AND version = $p1;", name, version) is null)
            {
                throw new ModelNotFoundException($"Model '{name}:{version}' was not found in this workspace; it may have been deleted.", name, version);
            }

            change(connection, transaction);
            return Get(connection, transaction, name, version)!;
        });

    private ModelRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name, int? version)
    {
        ModelRecord? model = Query(connection, transaction,
            $"SELECT {Columns} FROM models WHERE name = $p0 AND ($p1 IS NULL OR version = $p1) ORDER BY version DESC LIMIT 1;", name, version).FirstOrDefault();
        return model is null ? null : WithDetails(connection, transaction, model);
    }

    private static ModelRecord WithDetails(SqliteConnection connection, SqliteTransaction? transaction, ModelRecord model)
        => model with
        {
            Tags = Pairs(connection, transaction, "SELECT key, value FROM model_tags WHERE name = $p0 AND version = $p1 ORDER BY key;", model),
            Properties = Pairs(connection, transaction, "SELECT key, value FROM model_properties WHERE name = $p0 AND version = $p1 ORDER BY key;", model),
            Files = Files(connection, transaction, model),
        };

    private static Dictionary<string, string> Pairs(SqliteConnection connection, SqliteTransaction? transaction, string sql, ModelRecord model)
    {
        using SqliteCommand command = Command(connection, transaction, sql, model.Name, model.Version);
        using SqliteDataReader reader = command.ExecuteReader();
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) pairs[reader.GetString(0)] = reader.GetString(1);
        return pairs;
    }

    private static List<string> Files(SqliteConnection connection, SqliteTransaction? transaction, ModelRecord model)
    {
        using SqliteCommand command = Command(connection, transaction, "SELECT path FROM model_files WHERE name = $p0 AND version = $p1;", model.Name, model.Version);
        using SqliteDataReader reader = command.ExecuteReader();
        var files = new List<string>();
        while (reader.Read()) files.Add(reader.GetString(0));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private List<ModelRecord> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand command = Command(connection, transaction, sql, args);
        using SqliteDataReader reader = command.ExecuteReader();
        var models = new List<ModelRecord>();
        while (reader.Read())
        {
            string name = reader.GetString(0);
            int version = reader.GetInt32(1);
            models.Add(new ModelRecord
            {
                Name = name,
                Version = version,
                Description = reader.IsDBNull(2) ? null : reader.GetString(2),
                Framework = reader.GetString(3),
                FrameworkVersion = reader.IsDBNull(4) ? null : reader.GetString(4),
                RunId = reader.IsDBNull(5) ? null : reader.GetString(5),
                ExperimentName = reader.IsDBNull(6) ? null : reader.GetString(6),
                ResourceConfiguration = reader.IsDBNull(7) ? null : ResourceConfiguration.Deserialize(reader.GetString(7)),
                CreatedTime = LocalTime.Parse(reader.GetString(8)),
                Url = new Uri(GetLocalFolder(name, version)).AbsoluteUri,
            });
        }

        return models;
    }

    private static void DeleteFolder(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
