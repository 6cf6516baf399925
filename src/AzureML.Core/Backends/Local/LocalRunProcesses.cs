using AzureML.Core.Internal;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>The <c>run_processes</c> table: who supervises each run and which process runs its script.</summary>
internal sealed class LocalRunProcesses
{
    private readonly LocalDatabase _database;

    public LocalRunProcesses(LocalDatabase database) => _database = database;

    public void RecordSupervisor(string runId)
    {
        int self = System.Environment.ProcessId;
        _database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
            "INSERT OR REPLACE INTO run_processes (run_id, supervisor_pid, supervisor_start_ticks) VALUES ($p0, $p1, $p2);",
            runId, self, ProcessIdentity.StartTicks(self)));
    }

    public void RecordScript(string runId, int pid, DateTimeOffset? deadline)
        => _database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
            "UPDATE run_processes SET pid = $p0, start_ticks = $p1, deadline_utc = $p2 WHERE run_id = $p3;",
            pid, ProcessIdentity.StartTicks(pid), deadline is null ? null : LocalTime.Format(deadline.Value), runId));

    public RunProcessRecord? Get(string runId) => _database.Read(connection =>
    {
        using SqliteCommand command = LocalRunStore.Command(connection, null,
            "SELECT supervisor_pid, supervisor_start_ticks, pid, start_ticks, deadline_utc FROM run_processes WHERE run_id = $p0;", runId);
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new RunProcessRecord(
            reader.GetInt32(0),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : LocalTime.Parse(reader.GetString(4)));
    });
}
