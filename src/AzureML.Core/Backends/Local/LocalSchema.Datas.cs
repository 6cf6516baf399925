namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>Tables of datastores, datasets and the datasets each run received.</summary>
    /// <remarks>
    /// <c>datastores.secret</c> holds an account key or SAS token encrypted with the workspace key
    /// (<see cref="LocalSecretProtector"/>), never the plain value.
    /// </remarks>
    private const string DataTables = """
        CREATE TABLE datastores (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            settings TEXT NOT NULL,
            credential_type TEXT NOT NULL,
            secret BLOB,
            is_default INTEGER NOT NULL DEFAULT 0,
            created_utc TEXT NOT NULL);
        CREATE TABLE datasets (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            dataset_type TEXT NOT NULL,
            definition TEXT NOT NULL,
            description TEXT,
            tags TEXT NOT NULL DEFAULT '{}',
            created_utc TEXT NOT NULL,
            UNIQUE (name, version));
        CREATE TABLE run_input_datasets (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            name TEXT NOT NULL,
            dataset_id TEXT,
            mechanism TEXT NOT NULL,
            path TEXT NOT NULL,
            PRIMARY KEY (run_id, name));
        """;
}
