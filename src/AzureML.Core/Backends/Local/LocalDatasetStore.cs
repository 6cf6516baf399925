using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>Registered datasets and their versions, and the datasets each run received. Local implementation.</summary>
internal sealed class LocalDatasetStore : DatasetStore
{
    private const string Columns = "id, name, version, dataset_type, definition, description, tags, created_utc";
    private readonly LocalBackend _backend;

    public LocalDatasetStore(LocalBackend backend) => _backend = backend;

    public override Task<DatasetRecord> RegisterAsync(DatasetRegistration registration, CancellationToken cancellationToken)
        => Task.FromResult(_backend.Database.Write((connection, transaction) =>
        {
            DatasetRecord? latest = Get(connection, transaction, registration.Name, null);
            if (latest is not null && latest.DefinitionJson == registration.DefinitionJson && latest.DatasetType == registration.DatasetType) return latest;
            if (latest is not null && !registration.CreateNewVersion)
            {
                throw new UserErrorException(
                    $"A dataset named '{registration.Name}' is already registered (latest version {latest.Version}) with a different definition. " +
                    $"Pass createNewVersion: true to register this one as version {latest.Version + 1}, or choose another name.");
            }

            long version = (latest?.Version ?? 0) + 1;
            LocalRunStore.Execute(connection, transaction,
                $"INSERT INTO datasets ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7);",
                Guid.NewGuid().ToString(), registration.Name, version, registration.DatasetType, registration.DefinitionJson,
                registration.Description, JsonSerializer.Serialize(registration.Tags, Internal.SdkJsonContext.Default.IReadOnlyDictionaryStringString), LocalTime.Format(DateTimeOffset.UtcNow));
            return Get(connection, transaction, registration.Name, version)!;
        }));

    public override Task<DatasetRecord?> GetAsync(string name, long? version, CancellationToken cancellationToken)
        => Task.FromResult(_backend.Database.Read(connection => Get(connection, null, name, version)));

    public override Task<DatasetRecord?> GetByIdAsync(string id, CancellationToken cancellationToken)
        => Task.FromResult(_backend.Database.Read(connection =>
        {
            using SqliteCommand command = LocalRunStore.Command(connection, null, $"SELECT {Columns} FROM datasets WHERE id = $p0;", id);
            return ReadAll(command).FirstOrDefault();
        }));

    public override IAsyncEnumerable<DatasetRecord> ListAsync(CancellationToken cancellationToken)
        => _backend.Database.Read<IReadOnlyList<DatasetRecord>>(connection =>
        {
            using SqliteCommand command = LocalRunStore.Command(connection, null,
                $"SELECT {Columns} FROM datasets d WHERE version = (SELECT MAX(version) FROM datasets x WHERE x.name = d.name) ORDER BY name;");
            return ReadAll(command);
        }).ToAsyncEnumerable();

    public override Task<int> UnregisterAllVersionsAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(_backend.Database.Write((connection, transaction)
            => LocalRunStore.Execute(connection, transaction, "DELETE FROM datasets WHERE name = $p0;", name)));

    /// <summary>Records the datasets a run received (the local runner resolves them; on a service the job carries its inputs).</summary>
    public Task RecordRunInputsAsync(string runId, IReadOnlyList<RunInputRecord> inputs, CancellationToken cancellationToken)
    {
        _backend.Database.Write((connection, transaction) =>
        {
            foreach (RunInputRecord input in inputs)
            {
                LocalRunStore.Execute(connection, transaction,
                    "INSERT OR REPLACE INTO run_input_datasets (run_id, name, dataset_id, mechanism, path) VALUES ($p0, $p1, $p2, $p3, $p4);",
                    runId, input.Name, input.DatasetId, input.Mechanism, input.Path);
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<RunInputRecord>> GetRunInputsAsync(string runId, CancellationToken cancellationToken)
        => Task.FromResult(_backend.Database.Read<IReadOnlyList<RunInputRecord>>(connection =>
        {
            using SqliteCommand command = LocalRunStore.Command(connection, null,
                "SELECT name, dataset_id, mechanism, path FROM run_input_datasets WHERE run_id = $p0 ORDER BY name;", runId);
            using SqliteDataReader reader = command.ExecuteReader();
            var inputs = new List<RunInputRecord>();
            while (reader.Read())
            {
                inputs.Add(new RunInputRecord(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }

            return inputs;
        }));

    private static DatasetRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name, long? version)
    {
        using SqliteCommand command = version is null
            ? LocalRunStore.Command(connection, transaction, $"SELECT {Columns} FROM datasets WHERE name = $p0 ORDER BY version DESC LIMIT 1;", name)
            : LocalRunStore.Command(connection, transaction, $"SELECT {Columns} FROM datasets WHERE name = $p0 AND version = $p1;", name, version);
        return ReadAll(command).FirstOrDefault();
    }

    private static List<DatasetRecord> ReadAll(SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        var list = new List<DatasetRecord>();
        while (reader.Read())
        {
            list.Add(new DatasetRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                JsonSerializer.Deserialize(reader.GetString(6), Internal.SdkJsonContext.Default.DictionaryStringString)!,
                LocalTime.Parse(reader.GetString(7))));
        }

        return list;
    }
}
