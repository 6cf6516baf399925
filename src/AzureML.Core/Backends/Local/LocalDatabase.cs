using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The SQLite database of a local workspace: WAL journal so readers never block the writer, IMMEDIATE
/// transactions for every write so concurrent writers from several processes serialize instead of
/// failing, and forward-only schema migrations recorded in <c>schema_version</c>.
/// </summary>
internal sealed class LocalDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    private LocalDatabase(string connectionString, bool keepAlive, string? filePath)
    {
        _connectionString = connectionString;
        FilePath = filePath;
        if (keepAlive)
        {
            // A shared in-memory database lives as long as one connection to it is open.
            _keepAlive = new SqliteConnection(connectionString);
            _keepAlive.Open();
        }

        Migrate();
    }

    /// <summary>The database file, or <c>null</c> for an in-memory database.</summary>
    public string? FilePath { get; }

    public static LocalDatabase OpenFile(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        };
        return new LocalDatabase(builder.ToString(), keepAlive: false, path);
    }

    public static LocalDatabase OpenInMemory()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = $"azureml-offline-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            DefaultTimeout = 60,
        };
        return new LocalDatabase(builder.ToString(), keepAlive: true, filePath: null);
    }

    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in an IMMEDIATE transaction and commits it.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using SqliteConnection connection = Connect();
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        T result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Runs a read on its own connection.</summary>
    public T Read<T>(Func<SqliteConnection, T> work)
    {
        using SqliteConnection connection = Connect();
        return work(connection);
    }

    private void Migrate()
    {
        using SqliteConnection connection = Connect();
        if (FilePath is not null || _keepAlive is null)
        {
            using SqliteCommand wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        using (SqliteCommand create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);";
            create.ExecuteNonQuery();
        }

        long current;
        using (SqliteCommand read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = (long)read.ExecuteScalar()!;
        }

        IReadOnlyList<string> migrations = LocalSchema.Migrations;
        if (current > migrations.Count)
        {
            throw new AzureMLException(
                $"The local workspace database '{FilePath}' has schema version {current}, newer than this SDK understands ({migrations.Count}). " +
                "Upgrade AzureML.Core, or open another workspace folder.");
        }

        for (long version = current + 1; version <= migrations.Count; version++)
        {
            using SqliteCommand migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = migrations[(int)version - 1] + $"\nINSERT INTO schema_version (version) VALUES ({version});";
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose() => _keepAlive?.Dispose();
}
