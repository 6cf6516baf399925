namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>Tables of web services. Keys are stored encrypted with the workspace's secret key.</summary>
    private const string DeploymentTables = """
        CREATE TABLE services (
            name TEXT PRIMARY KEY,
            compute_type TEXT NOT NULL,
            state TEXT NOT NULL,
            generation INTEGER NOT NULL,
            port INTEGER,
            pid INTEGER,
            start_ticks INTEGER,
            auth_enabled INTEGER NOT NULL,
            primary_key TEXT,
            secondary_key TEXT,
            definition TEXT NOT NULL,
            description TEXT,
            tags TEXT NOT NULL DEFAULT '{}',
            properties TEXT NOT NULL DEFAULT '{}',
            error TEXT,
            created_utc TEXT NOT NULL,
            updated_utc TEXT NOT NULL);

        """;
}
