using Microsoft.Data.Sqlite;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The <c>run_processes</c> table: each submitted run's job, the process that supervises it and the process that
/// runs its script. A run has one supervisor at a time: a process becomes it only by taking the run from the
/// process that started it, or from one that is no longer alive, inside one write transaction.
/// </summary>
internal sealed class LocalRunProcesses
{
    private const string Columns = "supervisor_pid, supervisor_start_ticks, pid, start_ticks, deadline_utc, job";
    private readonly LocalDatabase _database;

    public LocalRunProcesses(LocalDatabase database) => _database = database;

    /// <summary>Records a new submitted run's job, with the submitting process as its supervisor until it hands the run on.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, string runId, LocalJob job)
    {
        int self = System.Environment.ProcessId;
        LocalRunStore.Execute(connection, transaction,
            "INSERT INTO run_processes (run_id, supervisor_pid, supervisor_start_ticks, job) VALUES ($p0, $p1, $p2, $p3);",
            runId, self, ProcessIdentity.StartTicks(self), job.ToJson());
    }

    /// <summary>
    /// Makes this process the run's supervisor when the run's supervisor is <paramref name="handedOverBy"/> (which
    /// started this process for it) or is no longer alive. Returns the record, or <c>null</c> when another live
    /// process supervises the run.
    /// </summary>
    public RunProcessRecord? Claim(string runId, (int Pid, long StartTicks) handedOverBy)
        => _database.Write<RunProcessRecord?>((connection, transaction) =>
        {
            RunProcessRecord record = Read(connection, transaction, runId) ?? throw new RunNotFoundException(runId);
            bool mine = record.IsSupervisor(System.Environment.ProcessId, ProcessIdentity.StartTicks(System.Environment.ProcessId));
            bool handedOver = record.IsSupervisor(handedOverBy.Pid, handedOverBy.StartTicks);
            if (!mine && !handedOver && record.SupervisorAlive) return null;
            return TakeOver(connection, transaction, runId);
        });

    /// <summary>
    /// Takes an unfinished run whose supervisor is gone: this process becomes its supervisor, to hand it to a new
    /// one. False when the run has ended, is not a submitted run, or is supervised by a live process.
    /// </summary>
    public bool TryAdopt(string runId)
        => _database.Write((connection, transaction) =>
        {
            RunProcessRecord? record = Read(connection, transaction, runId);
            string? status = (string?)LocalRunStore.Scalar(connection, transaction, "SELECT status FROM runs WHERE run_id = $p0;", runId);
            if (record is null || record.SupervisorAlive || status is null || new RunStatus(status).IsTerminal) return false;
            TakeOver(connection, transaction, runId);
            return true;
        });

    /// <summary>Unfinished submitted runs whose supervisor is no longer alive.</summary>
    public IReadOnlyList<string> ListAbandoned() => _database.Read(connection =>
    {
        using SqliteCommand command = LocalRunStore.Command(connection, null,
            "SELECT p.run_id, p.supervisor_pid, p.supervisor_start_ticks FROM run_processes p JOIN runs r ON r.run_id = p.run_id " +
            "WHERE r.status NOT IN ('Completed', 'Failed', 'Canceled');");
        using SqliteDataReader reader = command.ExecuteReader();
        var abandoned = new List<string>();
        while (reader.Read())
        {
            if (!ProcessIdentity.IsAlive(reader.GetInt32(1), reader.GetInt64(2))) abandoned.Add(reader.GetString(0));
        }

        return abandoned;
    });

    public void RecordScript(string runId, int pid, DateTimeOffset? deadline)
        => _database.Write((connection, transaction) => LocalRunStore.Execute(connection, transaction,
            "UPDATE run_processes SET pid = $p0, start_ticks = $p1, deadline_utc = $p2 WHERE run_id = $p3;",
            pid, ProcessIdentity.StartTicks(pid), deadline is null ? null : LocalTime.Format(deadline.Value), runId));

    public RunProcessRecord? Get(string runId) => _database.Read(connection => Read(connection, null, runId));

    private static RunProcessRecord TakeOver(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        int self = System.Environment.ProcessId;
        LocalRunStore.Execute(connection, transaction,
            "UPDATE run_processes SET supervisor_pid = $p0, supervisor_start_ticks = $p1 WHERE run_id = $p2;", self, ProcessIdentity.StartTicks(self), runId);
        return Read(connection, transaction, runId)!;
    }

    private static RunProcessRecord? Read(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        using SqliteCommand command = LocalRunStore.Command(connection, transaction, $"SELECT {Columns} FROM run_processes WHERE run_id = $p0;", runId);
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new RunProcessRecord(
            reader.GetInt32(0),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : LocalTime.Parse(reader.GetString(4)),
            reader.IsDBNull(5) ? null : LocalJob.FromJson(reader.GetString(5)));
    }
}
