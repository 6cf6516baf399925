using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>The environment registry in the local SQLite database.</summary>
internal sealed class LocalEnvironmentStore : EnvironmentStore
{
    private readonly LocalDatabase _database;

    public LocalEnvironmentStore(LocalDatabase database) => _database = database;

    public override Task<EnvironmentRecord> RegisterAsync(string name, string definitionJson, CancellationToken cancellationToken)
        => Task.FromResult(_database.Write((connection, transaction) =>
        {
            definitionJson = StoredEnvironment.Prepare(definitionJson);
            EnvironmentRecord? latest = Get(connection, transaction, name, null);
            if (latest is not null && latest.DefinitionJson == definitionJson) return latest;
            long version = latest is null ? 1 : long.Parse(latest.Version, System.Globalization.CultureInfo.InvariantCulture) + 1;
            LocalRunStore.Execute(connection, transaction, "INSERT INTO environments (name, version, definition, created_utc) VALUES ($p0, $p1, $p2, $p3);",
                name, version, definitionJson, LocalTime.Format(DateTimeOffset.UtcNow));
            return Get(connection, transaction, name, version.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        }));

    public override Task<EnvironmentRecord?> GetAsync(string name, string? version, CancellationToken cancellationToken)
        => Task.FromResult(_database.Read(connection => Get(connection, null, name, version)));

    public override IAsyncEnumerable<EnvironmentRecord> ListAsync(CancellationToken cancellationToken)
        => _database.Read<IReadOnlyList<EnvironmentRecord>>(connection =>
        {
            using SqliteCommand command = LocalRunStore.Command(connection, null,
                "SELECT e.name, e.version, e.definition, e.created_utc FROM environments e " +
                "WHERE e.version = (SELECT MAX(version) FROM environments x WHERE x.name = e.name) ORDER BY e.name;");
            return ReadAll(command);
        }).ToAsyncEnumerable();

    public override Task<EnvironmentRecord?> GetCuratedAsync(string name, string? version, CancellationToken cancellationToken)
        => Task.FromResult(CuratedEnvironments.Get(name, version) is { } curated ? ToRecord(curated) : null);

    public override IAsyncEnumerable<EnvironmentRecord> ListCuratedAsync(CancellationToken cancellationToken)
        => CuratedEnvironments.All().Select(ToRecord).ToAsyncEnumerable();

    // Curated environments are definitions shipped with the SDK: the same on every machine, never stored.
    private static EnvironmentRecord ToRecord(Environment curated)
        => new(curated.Name, curated.Version!, EnvironmentJson.Serialize(curated), DateTimeOffset.UnixEpoch);

    private static EnvironmentRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name, string? version)
    {
        using SqliteCommand command = version is null
            ? LocalRunStore.Command(connection, transaction, "SELECT name, version, definition, created_utc FROM environments WHERE name = $p0 ORDER BY version DESC LIMIT 1;", name)
            : LocalRunStore.Command(connection, transaction, "SELECT name, version, definition, created_utc FROM environments WHERE name = $p0 AND version = $p1;", name, version);
        return ReadAll(command).FirstOrDefault();
    }

    private static List<EnvironmentRecord> ReadAll(SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        var list = new List<EnvironmentRecord>();
        while (reader.Read())
        {
            list.Add(new EnvironmentRecord(reader.GetString(0), reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), LocalTime.Parse(reader.GetString(3))));
        }

        return list;
    }
}
