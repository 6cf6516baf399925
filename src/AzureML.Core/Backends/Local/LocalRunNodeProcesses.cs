using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The <c>run_node_processes</c> table: the wrapper process of every node of a run, so any process can
/// tell whether a run's nodes still run and end all of them.
/// </summary>
internal sealed class LocalRunNodeProcesses
{
    private readonly LocalDatabase _database;

    public LocalRunNodeProcesses(LocalDatabase database) => _database = database;

    public void Record(string runId, int nodeRank, int pid, long startTicks)
        => _database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
            "INSERT OR REPLACE INTO run_node_processes (run_id, node_rank, pid, start_ticks) VALUES ($p0, $p1, $p2, $p3);",
            runId, nodeRank, pid, startTicks));

    /// <summary>The node processes of a run as (pid, start ticks), rank order.</summary>
    public IReadOnlyList<(int Pid, long StartTicks)> List(string runId) => _database.Read(connection => List(connection, null, runId));

    public static IReadOnlyList<(int Pid, long StartTicks)> List(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        using SqliteCommand command = LocalRunStore.Command(connection, transaction,
            "SELECT pid, start_ticks FROM run_node_processes WHERE run_id = $p0 ORDER BY node_rank;", runId);
        using SqliteDataReader reader = command.ExecuteReader();
        var processes = new List<(int, long)>();
        while (reader.Read()) processes.Add((reader.GetInt32(0), reader.GetInt64(1)));
        return processes;
    }

    /// <summary>Ends every node's process tree.</summary>
    public void KillAll(string runId, TimeSpan timeout)
    {
        foreach ((int pid, long startTicks) in List(runId)) ProcessTree.Kill(pid, startTicks, timeout);
    }
}
