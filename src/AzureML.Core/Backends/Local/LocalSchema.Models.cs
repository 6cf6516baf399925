namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>
    /// Tables of the model registry. <c>model_names.last_version</c> hands out version numbers, so a
    /// deleted version's number is never reused (as on Azure ML). Files live in
    /// <c>models/&lt;name&gt;/&lt;version&gt;/</c>; <c>model_files</c> lists them.
    /// </summary>
    private const string ModelTables = """
        CREATE TABLE model_names (
            name TEXT PRIMARY KEY,
            last_version INTEGER NOT NULL);
        CREATE TABLE models (
            name TEXT NOT NULL REFERENCES model_names(name),
            version INTEGER NOT NULL,
            description TEXT,
            framework TEXT NOT NULL,
            framework_version TEXT,
            run_id TEXT,
            experiment_name TEXT,
            resource_configuration TEXT,
            created_utc TEXT NOT NULL,
            PRIMARY KEY (name, version));
        CREATE INDEX models_run ON models(run_id);
        CREATE TABLE model_tags (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (name, version, key),
            FOREIGN KEY (name, version) REFERENCES models(name, version) ON DELETE CASCADE);
        CREATE TABLE model_properties (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (name, version, key),
            FOREIGN KEY (name, version) REFERENCES models(name, version) ON DELETE CASCADE);
        CREATE TABLE model_files (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            path TEXT NOT NULL,
            PRIMARY KEY (name, version, path),
            FOREIGN KEY (name, version) REFERENCES models(name, version) ON DELETE CASCADE);
        """;
}
