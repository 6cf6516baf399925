using Microsoft.Data.Sqlite;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The nodes of local compute targets. A target of <c>maxNodes</c> nodes is that many slots on this
/// machine; a run claims the slots it needs in one IMMEDIATE transaction, so runs submitted from several
/// processes never share a node. Runs claim in submission order. A node held by a run that ended, or whose
/// supervisor and node processes are all gone, is taken back on the next claim.
/// </summary>
internal sealed class LocalNodeSlots
{
    private readonly LocalDatabase _database;

    public LocalNodeSlots(LocalDatabase database) => _database = database;

    /// <summary>Claims <paramref name="nodeCount"/> nodes of <paramref name="computeName"/> for a queued run.</summary>
    public NodeClaim TryClaim(string computeName, string runId, int nodeCount) => _database.Write((connection, transaction) =>
    {
        ComputeRecord? compute = LocalComputeStore.Get(connection, transaction, computeName);
        if (compute is null)
        {
            return new NodeClaim(null, $"The compute target '{computeName}' was deleted while the run waited for it.");
        }

        if (nodeCount > compute.MaxNodes)
        {
            return new NodeClaim(null, $"The run needs {nodeCount} nodes but '{compute.Name}' now has at most {compute.MaxNodes} (maxNodes).");
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        List<NodeRow> nodes = ReadNodes(connection, transaction, compute.Name);
        foreach (NodeRow node in nodes.Where(n => n.RunId is not null && !n.Held))
        {
            LocalRunStore.Execute(connection, transaction,
                "UPDATE compute_nodes SET run_id = NULL, idle_since_utc = $p0 WHERE compute_name = $p1 AND node_id = $p2;",
                LocalTime.Format(now), compute.Name, node.NodeId);
        }

        if (FirstInQueue(connection, transaction, compute.Name) != runId) return NodeClaim.Wait;
        int busy = nodes.Count(n => n.Held);
        if (busy + nodeCount > compute.MaxNodes) return NodeClaim.Wait;

        // Warm idle nodes first (as the service reuses nodes that have not scaled down), then new ones.
        List<int> claimed = nodes.Where(n => !n.Held).Select(n => n.NodeId).Take(nodeCount).ToList();
        var used = nodes.Select(n => n.NodeId).ToHashSet();
        for (int id = 0; claimed.Count < nodeCount; id++)
        {
            if (!used.Contains(id)) claimed.Add(id);
        }

        foreach (int id in claimed)
        {
            LocalRunStore.Execute(connection, transaction,
                "INSERT INTO compute_nodes (compute_name, node_id, run_id) VALUES ($p0, $p1, $p2) " +
                "ON CONFLICT (compute_name, node_id) DO UPDATE SET run_id = excluded.run_id, idle_since_utc = NULL;",
                compute.Name, id, runId);
        }

        return new NodeClaim(claimed, null);
    });

    /// <summary>Gives back every node a run holds; they idle until the target's scale-down time passes.</summary>
    public void Release(string runId)
        => _database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
            "UPDATE compute_nodes SET run_id = NULL, idle_since_utc = $p0 WHERE run_id = $p1;", LocalTime.Format(DateTimeOffset.UtcNow), runId));

    /// <summary>The target's node counts: held nodes run, and released ones idle until they scale down.</summary>
    public static ComputeNodeCounts Count(SqliteConnection connection, SqliteTransaction? transaction, ComputeRecord compute)
    {
        DateTimeOffset scaleDownBefore = DateTimeOffset.UtcNow.AddSeconds(-compute.IdleSecondsBeforeScaledown);
        List<NodeRow> nodes = ReadNodes(connection, transaction, compute.Name);
        int running = nodes.Count(n => n.Held);
        int warm = nodes.Count(n => !n.Held && (n.RunId is not null || n.IdleSince >= scaleDownBefore));
        int current = Math.Max(compute.MinNodes, Math.Min(running + warm, Math.Max(compute.MaxNodes, running)));
        return new ComputeNodeCounts(current, running, current - running, QueuedRuns(connection, transaction, compute.Name).Count);
    }

    private static string? FirstInQueue(SqliteConnection connection, SqliteTransaction transaction, string computeName)
        => QueuedRuns(connection, transaction, computeName).FirstOrDefault();

    /// <summary>Runs waiting for nodes of the target whose supervisor is alive, oldest first.</summary>
    public static List<string> QueuedRuns(SqliteConnection connection, SqliteTransaction? transaction, string computeName)
    {
        using SqliteCommand command = LocalRunStore.Command(connection, transaction,
            "SELECT r.run_id, p.supervisor_pid, p.supervisor_start_ticks FROM runs r JOIN run_processes p ON p.run_id = r.run_id " +
            "WHERE r.target = $p0 COLLATE NOCASE AND r.status = 'Queued' AND NOT EXISTS (SELECT 1 FROM compute_nodes n WHERE n.run_id = r.run_id) " +
            "ORDER BY r.created_utc, r.rowid;", computeName);
        using SqliteDataReader reader = command.ExecuteReader();
        var queued = new List<string>();
        while (reader.Read())
        {
            if (ProcessIdentity.IsAlive(reader.GetInt32(1), reader.GetInt64(2))) queued.Add(reader.GetString(0));
        }

        return queued;
    }

    private static List<NodeRow> ReadNodes(SqliteConnection connection, SqliteTransaction? transaction, string computeName)
    {
        var rows = new List<(int NodeId, string? RunId, DateTimeOffset? IdleSince, string? Status, int? SupervisorPid, long SupervisorTicks)>();
        using (SqliteCommand command = LocalRunStore.Command(connection, transaction,
            "SELECT n.node_id, n.run_id, n.idle_since_utc, r.status, p.supervisor_pid, p.supervisor_start_ticks FROM compute_nodes n " +
            "LEFT JOIN runs r ON r.run_id = n.run_id LEFT JOIN run_processes p ON p.run_id = n.run_id " +
            "WHERE n.compute_name = $p0 ORDER BY n.node_id;", computeName))
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : LocalTime.Parse(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? 0 : reader.GetInt64(5)));
            }
        }

        return rows.Select(r => new NodeRow(r.NodeId, r.RunId, r.IdleSince,
            r.RunId is not null && r.Status is not null && !new RunStatus(r.Status).IsTerminal
            && ((r.SupervisorPid is int pid && ProcessIdentity.IsAlive(pid, r.SupervisorTicks))
                || LocalRunNodeProcesses.List(connection, transaction, r.RunId).Any(p => ProcessIdentity.IsAlive(p.Pid, p.StartTicks))))).ToList();
    }

    /// <summary>A node row; <see cref="Held"/> when its run is unfinished and still has a live supervisor or node process.</summary>
    private sealed record NodeRow(int NodeId, string? RunId, DateTimeOffset? IdleSince, bool Held);
}
