using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>Experiments in the local SQLite database.</summary>
internal sealed class LocalExperimentStore : ExperimentStore
{
    private readonly LocalDatabase _database;

    public LocalExperimentStore(LocalDatabase database) => _database = database;

    public override Task<ExperimentRecord> GetOrCreateAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(_database.Write((connection, transaction) =>
        {
            using SqliteCommand insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO experiments (name, id, created_utc) VALUES ($name, $id, $created);";
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$created", LocalTime.Format(DateTimeOffset.UtcNow));
            insert.ExecuteNonQuery();
            return Get(connection, transaction, name)!;
        }));

    public override Task<ExperimentRecord?> GetAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(_database.Read(connection => Get(connection, null, name)));

    public override IAsyncEnumerable<ExperimentRecord> ListAsync(bool includeArchived, CancellationToken cancellationToken)
        => _database.Read<IReadOnlyList<ExperimentRecord>>(connection =>
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT name, id, created_utc, archived_utc, tags FROM experiments" +
                (includeArchived ? "" : " WHERE archived_utc IS NULL") + " ORDER BY name;";
            using SqliteDataReader reader = command.ExecuteReader();
            var list = new List<ExperimentRecord>();
            while (reader.Read()) list.Add(ReadRecord(reader));
            return list;
        }).ToAsyncEnumerable();

    public override Task<ExperimentRecord> SetArchivedAsync(string name, bool archived, CancellationToken cancellationToken)
        => Task.FromResult(_database.Write((connection, transaction) =>
        {
            using SqliteCommand update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE experiments SET archived_utc = $time WHERE name = $name;";
            update.Parameters.AddWithValue("$time", archived ? LocalTime.Format(DateTimeOffset.UtcNow) : DBNull.Value);
            update.Parameters.AddWithValue("$name", name);
            update.ExecuteNonQuery();
            return Get(connection, transaction, name) ?? throw new UserErrorException($"Experiment '{name}' does not exist.");
        }));

    public override Task<ExperimentRecord> UpdateTagsAsync(string name, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
        => Task.FromResult(_database.Write((connection, transaction) =>
        {
            ExperimentRecord current = Get(connection, transaction, name) ?? throw new UserErrorException($"Experiment '{name}' does not exist.");
            var tags = new Dictionary<string, string>(current.Tags, StringComparer.Ordinal);
            foreach ((string key, string value) in set) tags[key] = value;
            foreach (string key in remove) tags.Remove(key);
            using SqliteCommand update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE experiments SET tags = $tags WHERE name = $name;";
            update.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(tags, Internal.SdkJsonContext.Default.DictionaryStringString));
            update.Parameters.AddWithValue("$name", name);
            update.ExecuteNonQuery();
            return current with { Tags = tags };
        }));

    private static ExperimentRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, id, created_utc, archived_utc, tags FROM experiments WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    private static ExperimentRecord ReadRecord(SqliteDataReader reader) => new(
        Id: reader.GetString(1),
        Name: reader.GetString(0),
        CreatedTime: LocalTime.Parse(reader.GetString(2)),
        ArchivedTime: reader.IsDBNull(3) ? null : LocalTime.Parse(reader.GetString(3)),
        Tags: JsonSerializer.Deserialize(reader.GetString(4), Internal.SdkJsonContext.Default.DictionaryStringString) ?? new Dictionary<string, string>());
}
