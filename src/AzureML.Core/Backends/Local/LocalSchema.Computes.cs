namespace AzureML.Core.Backends.Local;

internal static partial class LocalSchema
{
    /// <summary>
    /// Tables of compute targets. A node row exists while a run holds the node or while it idles before
    /// scaling down; <c>run_node_processes</c> lists every node process of a run so any process can tell
    /// whether the run still holds its nodes, and end them all.
    /// </summary>
    private const string ComputeTables = """
        CREATE TABLE compute_targets (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            compute_type TEXT NOT NULL,
            vm_size TEXT NOT NULL,
            vm_priority TEXT NOT NULL,
            min_nodes INTEGER NOT NULL,
            max_nodes INTEGER NOT NULL,
            idle_seconds INTEGER NOT NULL,
            location TEXT,
            description TEXT,
            tags TEXT NOT NULL DEFAULT '{}',
            settings TEXT NOT NULL DEFAULT '{}',
            provisioning_state TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            modified_utc TEXT NOT NULL);
        CREATE TABLE compute_nodes (
            compute_name TEXT NOT NULL COLLATE NOCASE REFERENCES compute_targets(name) ON DELETE CASCADE,
            node_id INTEGER NOT NULL,
            run_id TEXT,
            idle_since_utc TEXT,
            PRIMARY KEY (compute_name, node_id));
        CREATE INDEX compute_nodes_run ON compute_nodes(run_id);
        CREATE TABLE run_node_processes (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            node_rank INTEGER NOT NULL,
            pid INTEGER NOT NULL,
            start_ticks INTEGER NOT NULL,
            PRIMARY KEY (run_id, node_rank));

        """;
}
