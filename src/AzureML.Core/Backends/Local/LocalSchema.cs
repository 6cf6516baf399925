namespace AzureML.Core.Backends.Local;

/// <summary>
/// The local workspace's schema as forward migrations: entry <c>i</c> takes the database from version
/// <c>i</c> to <c>i + 1</c>. Never edit a shipped entry; append a new one.
/// </summary>
/// <remarks>The Python shim (<c>azureml/_local_store.py</c>) writes the metrics, tags and properties tables directly.</remarks>
internal static partial class LocalSchema
{
    public static IReadOnlyList<string> Migrations { get; } = new[]
    {
        RunTables + ModelTables + ComputeTables + DataTables + DeploymentTables,
        SupervisedJobs,
    };

    /// <summary>
    /// What a submitted run's supervisor carries out (<see cref="LocalJob"/>), beside who supervises it, so the
    /// supervisor can be a process of its own and another can take an abandoned run over.
    /// </summary>
    private const string SupervisedJobs = "ALTER TABLE run_processes ADD COLUMN job TEXT;";

    private const string RunTables = """
        CREATE TABLE experiments (
            name TEXT PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            created_utc TEXT NOT NULL,
            archived_utc TEXT,
            tags TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            experiment_name TEXT NOT NULL REFERENCES experiments(name),
            number INTEGER NOT NULL,
            display_name TEXT,
            status TEXT NOT NULL,
            parent_run_id TEXT REFERENCES runs(run_id),
            run_type TEXT NOT NULL,
            target TEXT,
            created_utc TEXT NOT NULL,
            start_utc TEXT,
            end_utc TEXT,
            definition TEXT,
            environment TEXT,
            error TEXT,
            UNIQUE (experiment_name, number));
        CREATE INDEX runs_parent ON runs(parent_run_id);
        CREATE TABLE run_status_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            status TEXT NOT NULL,
            time_utc TEXT NOT NULL);
        CREATE INDEX run_status_history_run ON run_status_history(run_id, id);
        CREATE TABLE run_tags (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key));
        CREATE TABLE run_properties (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key));
        CREATE TABLE metrics (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            step INTEGER,
            value TEXT,
            description TEXT,
            logged_utc TEXT NOT NULL);
        CREATE INDEX metrics_run ON metrics(run_id, name, id);
        CREATE TABLE run_processes (
            run_id TEXT PRIMARY KEY REFERENCES runs(run_id),
            supervisor_pid INTEGER NOT NULL,
            supervisor_start_ticks INTEGER NOT NULL,
            pid INTEGER,
            start_ticks INTEGER,
            deadline_utc TEXT);
        CREATE TABLE environments (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            definition TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            PRIMARY KEY (name, version));
        """;
}
