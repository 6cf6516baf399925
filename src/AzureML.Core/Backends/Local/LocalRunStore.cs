using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Internal;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>Run records, status history, tags, properties and metrics in the local SQLite database.</summary>
internal sealed class LocalRunStore : RunStore
{
    private const string RunColumns = "run_id, experiment_name, number, display_name, status, parent_run_id, run_type, target, created_utc, start_utc, end_utc, definition, environment, error";
    private readonly LocalDatabase _database;

    public LocalRunStore(LocalDatabase database) => _database = database;

    public override Task<RunRecord> CreateAsync(RunCreateRequest request, CancellationToken cancellationToken)
        => Task.FromResult(_database.Write((connection, transaction) =>
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            Execute(connection, transaction, "INSERT OR IGNORE INTO experiments (name, id, created_utc) VALUES ($p0, $p1, $p2);",
                request.ExperimentName, Guid.NewGuid().ToString(), LocalTime.Format(now));
            long number = (long)Scalar(connection, transaction, "SELECT COALESCE(MAX(number), 0) + 1 FROM runs WHERE experiment_name = $p0;", request.ExperimentName)!;
            string runId = request.RunId ?? $"{request.ExperimentName}_{now.ToUnixTimeSeconds()}_{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
            if (!IsValidRunId(runId))
            {
                throw new UserErrorException($"Run id '{runId}' is not valid: use letters, digits, '-', '_' and '.', at most 255 characters, not starting with '.'.");
            }

            try
            {
                Execute(connection, transaction,
                    "INSERT INTO runs (run_id, experiment_name, number, display_name, status, parent_run_id, run_type, target, created_utc, definition, environment) " +
                    "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10);",
                    runId, request.ExperimentName, number, request.DisplayName, request.Status, request.ParentRunId, request.RunType,
                    request.Target, LocalTime.Format(now), request.DefinitionJson, request.EnvironmentJson);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                throw new UserErrorException($"A run with id '{runId}' already exists, or its parent run '{request.ParentRunId}' does not.", ex);
            }

            Execute(connection, transaction, "INSERT INTO run_status_history (run_id, status, time_utc) VALUES ($p0, $p1, $p2);", runId, request.Status, LocalTime.Format(now));
            foreach ((string key, string value) in request.Tags ?? new Dictionary<string, string>())
            {
                Execute(connection, transaction, "INSERT OR REPLACE INTO run_tags (run_id, key, value) VALUES ($p0, $p1, $p2);", runId, key, value);
            }

            foreach ((string key, string value) in request.Properties ?? new Dictionary<string, string>())
            {
                Execute(connection, transaction, "INSERT INTO run_properties (run_id, key, value) VALUES ($p0, $p1, $p2);", runId, key, value);
            }

            return Get(connection, transaction, runId)!;
        }));

    public override Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken) => Task.FromResult(Get(runId));

    /// <summary>The run, read synchronously (the local store never blocks on I/O other than the database file).</summary>
    public RunRecord Get(string runId) => _database.Read(connection => Get(connection, null, runId) ?? throw new RunNotFoundException(runId));

    /// <summary>Sets the status synchronously; see <see cref="SetStatusAsync"/>.</summary>
    public RunRecord SetStatus(string runId, RunStatus status, RunError? error = null)
        => _database.Write((connection, transaction) => SetStatus(connection, transaction, runId, status, error));

    public override IAsyncEnumerable<RunRecord> ListAsync(RunQuery query, CancellationToken cancellationToken)
        => _database.Read<IReadOnlyList<RunRecord>>(connection =>
        {
            var where = new List<string>();
            var args = new List<object?>();
            void Add(string clause, object? value) { where.Add(clause.Replace("$p", $"$p{args.Count}")); args.Add(value); }
            if (query.ExperimentName is not null) Add("experiment_name = $p", query.ExperimentName);
            if (query.ParentRunId is not null) Add("parent_run_id = $p", query.ParentRunId);
            else if (!query.IncludeChildren) where.Add("parent_run_id IS NULL");
            if (query.RunType is not null) Add("run_type = $p", query.RunType);
            if (query.Status is not null) Add("status = $p", query.Status);
            string sql = $"SELECT {RunColumns} FROM runs" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY created_utc DESC, number DESC;";
            var runs = new List<RunRecord>();
            foreach (RunRecord run in Query(connection, null, sql, args.ToArray()))
            {
                RunRecord full = WithTagsAndProperties(connection, null, run);
                if (TagFilter.Matches(full.Tags, query.Tags) && TagFilter.Matches(full.Properties, query.Properties)) runs.Add(full);
            }

            return runs;
        }).ToAsyncEnumerable();

    // Run ids name folders, so they are kept to characters that cannot climb out of one.
    private static bool IsValidRunId(string runId)
        => runId.Length is > 0 and <= 255 && runId[0] != '.' && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public override Task<RunRecord> SetStatusAsync(string runId, RunStatus status, RunError? error, CancellationToken cancellationToken)
        => Task.FromResult(_database.Write((connection, transaction) => SetStatus(connection, transaction, runId, status, error)));

    /// <summary>
    /// Moves a run from one of <paramref name="from"/> to <paramref name="to"/> atomically. Returns the
    /// status it left, or <c>null</c> when the run was in another status (someone else got there first).
    /// </summary>
    public RunStatus? TryTransition(string runId, IReadOnlyCollection<RunStatus> from, RunStatus to, RunError? error = null)
        => _database.Write<RunStatus?>((connection, transaction) =>
        {
            RunRecord current = Get(connection, transaction, runId) ?? throw new RunNotFoundException(runId);
            var previous = new RunStatus(current.Status);
            if (!from.Contains(previous)) return null;
            SetStatus(connection, transaction, runId, to, error);
            return previous;
        });

    private static RunRecord SetStatus(SqliteConnection connection, SqliteTransaction transaction, string runId, RunStatus status, RunError? error)
    {
        RunRecord current = Get(connection, transaction, runId) ?? throw new RunNotFoundException(runId);
        if (new RunStatus(current.Status).IsTerminal || new RunStatus(current.Status) == status) return current;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string time = LocalTime.Format(now);
        Execute(connection, transaction,
            "UPDATE runs SET status = $p0, " +
            "start_utc = CASE WHEN $p1 = 'Running' AND start_utc IS NULL THEN $p2 ELSE start_utc END, " +
            "end_utc = CASE WHEN $p1 IN ('Completed', 'Failed', 'Canceled') THEN $p2 ELSE end_utc END, " +
            "error = COALESCE($p3, error) WHERE run_id = $p4;",
            status.ToString(), status.ToString(), time, error is null ? null : JsonSerializer.Serialize(error, Internal.SdkJsonContext.Default.RunError), runId);
        Execute(connection, transaction, "INSERT INTO run_status_history (run_id, status, time_utc) VALUES ($p0, $p1, $p2);", runId, status.ToString(), time);
        return Get(connection, transaction, runId)!;
    }

    /// <summary>
    /// Claims a run stuck in <c>Finalizing</c> for <paramref name="grace"/> or longer: records a fresh
    /// <c>Finalizing</c> entry so every other process sees a recent one and leaves the run to the caller.
    /// </summary>
    public bool TryClaimStaleFinalization(string runId, TimeSpan grace)
        => _database.Write((connection, transaction) =>
        {
            using SqliteCommand last = Command(connection, transaction,
                "SELECT status, time_utc FROM run_status_history WHERE run_id = $p0 ORDER BY id DESC LIMIT 1;", runId);
            using SqliteDataReader reader = last.ExecuteReader();
            if (!reader.Read() || reader.GetString(0) != RunStatus.Finalizing.ToString()
                || DateTimeOffset.UtcNow - LocalTime.Parse(reader.GetString(1)) < grace) return false;
            reader.Close();
            Execute(connection, transaction, "INSERT INTO run_status_history (run_id, status, time_utc) VALUES ($p0, $p1, $p2);",
                runId, RunStatus.Finalizing.ToString(), LocalTime.Format(DateTimeOffset.UtcNow));
            return true;
        });

    public override Task RecordErrorAsync(string runId, RunError error, CancellationToken cancellationToken)
    {
        _database.Write((connection, transaction) =>
        {
            EnsureExists(connection, transaction, runId);
            return Execute(connection, transaction, "UPDATE runs SET error = $p0 WHERE run_id = $p1;",
                JsonSerializer.Serialize(error, Internal.SdkJsonContext.Default.RunError), runId);
        });
        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<StatusChange>> GetStatusHistoryAsync(string runId, CancellationToken cancellationToken)
        => Task.FromResult(_database.Read<IReadOnlyList<StatusChange>>(connection =>
        {
            using SqliteCommand command = Command(connection, null, "SELECT status, time_utc FROM run_status_history WHERE run_id = $p0 ORDER BY id;", runId);
            using SqliteDataReader reader = command.ExecuteReader();
            var history = new List<StatusChange>();
            while (reader.Read()) history.Add(new StatusChange(reader.GetString(0), LocalTime.Parse(reader.GetString(1))));
            return history;
        }));

    public override Task UpdateTagsAsync(string runId, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken)
    {
        _database.Write((connection, transaction) =>
        {
            EnsureExists(connection, transaction, runId);
            foreach ((string key, string value) in set)
            {
                Execute(connection, transaction, "INSERT OR REPLACE INTO run_tags (run_id, key, value) VALUES ($p0, $p1, $p2);", runId, key, value);
            }

            foreach (string key in remove)
            {
                Execute(connection, transaction, "DELETE FROM run_tags WHERE run_id = $p0 AND key = $p1;", runId, key);
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    public override Task AddPropertiesAsync(string runId, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        _database.Write((connection, transaction) =>
        {
            EnsureExists(connection, transaction, runId);
            foreach ((string key, string value) in properties)
            {
                object? existing = Scalar(connection, transaction, "SELECT value FROM run_properties WHERE run_id = $p0 AND key = $p1;", runId, key);
                if (existing is string old && old != value)
                {
                    throw new UserErrorException($"Property '{key}' of run '{runId}' is already set to '{old}'; properties are immutable once set (use tags for values that change).");
                }

                Execute(connection, transaction, "INSERT OR IGNORE INTO run_properties (run_id, key, value) VALUES ($p0, $p1, $p2);", runId, key, value);
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    public override Task SetDisplayNameAsync(string runId, string displayName, CancellationToken cancellationToken)
    {
        _database.Write((connection, transaction) =>
        {
            EnsureExists(connection, transaction, runId);
            return Execute(connection, transaction, "UPDATE runs SET display_name = $p0 WHERE run_id = $p1;", displayName, runId);
        });
        return Task.CompletedTask;
    }

    public override Task LogMetricsAsync(string runId, IReadOnlyList<MetricRecord> metrics, CancellationToken cancellationToken)
    {
        _database.Write((connection, transaction) =>
        {
            EnsureExists(connection, transaction, runId);
            using SqliteCommand insert = Command(connection, transaction,
                "INSERT INTO metrics (run_id, name, kind, step, value, description, logged_utc) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6);",
                runId, "", "", null, null, null, "");
            foreach (MetricRecord metric in metrics)
            {
                insert.Parameters["$p1"].Value = metric.Name;
                insert.Parameters["$p2"].Value = metric.Kind.ToString().ToLowerInvariant();
                insert.Parameters["$p3"].Value = (object?)metric.Step ?? DBNull.Value;
                insert.Parameters["$p4"].Value = (object?)metric.Value?.ToJsonString() ?? DBNull.Value;
                insert.Parameters["$p5"].Value = (object?)metric.Description ?? DBNull.Value;
                insert.Parameters["$p6"].Value = LocalTime.Format(metric.Time);
                insert.ExecuteNonQuery();
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    public override Task<IReadOnlyList<MetricRecord>> GetMetricsAsync(string runId, string? name, CancellationToken cancellationToken)
        => Task.FromResult(_database.Read<IReadOnlyList<MetricRecord>>(connection =>
        {
            EnsureExists(connection, null, runId);
            using SqliteCommand command = Command(connection, null,
                "SELECT name, kind, value, step, logged_utc, description FROM metrics WHERE run_id = $p0 AND ($p1 IS NULL OR name = $p1) ORDER BY id;",
                runId, name);
            using SqliteDataReader reader = command.ExecuteReader();
            var metrics = new List<MetricRecord>();
            while (reader.Read())
            {
                metrics.Add(new MetricRecord(
                    reader.GetString(0),
                    Enum.Parse<MetricKind>(reader.GetString(1), ignoreCase: true),
                    reader.IsDBNull(2) ? null : JsonNode.Parse(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    LocalTime.Parse(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }

            return metrics;
        }));

    private static void EnsureExists(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        if (Scalar(connection, transaction, "SELECT 1 FROM runs WHERE run_id = $p0;", runId) is null) throw new RunNotFoundException(runId);
    }

    private static RunRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        RunRecord? run = Query(connection, transaction, $"SELECT {RunColumns} FROM runs WHERE run_id = $p0;", runId).FirstOrDefault();
        return run is null ? null : WithTagsAndProperties(connection, transaction, run);
    }

    private static RunRecord WithTagsAndProperties(SqliteConnection connection, SqliteTransaction? transaction, RunRecord run)
        => run with
        {
            Tags = Pairs(connection, transaction, "SELECT key, value FROM run_tags WHERE run_id = $p0 ORDER BY key;", run.RunId),
            Properties = Pairs(connection, transaction, "SELECT key, value FROM run_properties WHERE run_id = $p0 ORDER BY key;", run.RunId),
        };

    private static Dictionary<string, string> Pairs(SqliteConnection connection, SqliteTransaction? transaction, string sql, string runId)
    {
        using SqliteCommand command = Command(connection, transaction, sql, runId);
        using SqliteDataReader reader = command.ExecuteReader();
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) pairs[reader.GetString(0)] = reader.GetString(1);
        return pairs;
    }

    private static List<RunRecord> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand command = Command(connection, transaction, sql, args);
        using SqliteDataReader reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord
            {
                RunId = reader.GetString(0),
                ExperimentName = reader.GetString(1),
                Number = reader.GetInt64(2),
                DisplayName = reader.IsDBNull(3) ? null : reader.GetString(3),
                Status = reader.GetString(4),
                ParentRunId = reader.IsDBNull(5) ? null : reader.GetString(5),
                RunType = reader.GetString(6),
                Target = reader.IsDBNull(7) ? null : reader.GetString(7),
                CreatedTime = LocalTime.Parse(reader.GetString(8)),
                StartTime = reader.IsDBNull(9) ? null : LocalTime.Parse(reader.GetString(9)),
                EndTime = reader.IsDBNull(10) ? null : LocalTime.Parse(reader.GetString(10)),
                DefinitionJson = reader.IsDBNull(11) ? null : reader.GetString(11),
                EnvironmentJson = reader.IsDBNull(12) ? null : reader.GetString(12),
                Error = reader.IsDBNull(13) ? null : JsonSerializer.Deserialize(reader.GetString(13), Internal.SdkJsonContext.Default.RunError),
            });
        }

        return runs;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (int i = 0; i < args.Length; i++) command.Parameters.AddWithValue($"$p{i}", args[i] ?? DBNull.Value);
        return command;
    }

    internal static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand command = Command(connection, transaction, sql, args);
        return command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand command = Command(connection, transaction, sql, args);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
