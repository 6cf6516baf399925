using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>Compute targets and the local node slots runs wait for. Local implementation.</summary>
internal sealed class LocalComputeStore : ComputeStore
{
    private const string Columns = "name, compute_type, vm_size, vm_priority, min_nodes, max_nodes, idle_seconds, location, description, tags, settings, provisioning_state, created_utc, modified_utc";
    private readonly LocalBackend _backend;

    public LocalComputeStore(LocalBackend backend)
    {
        _backend = backend;
        Slots = new LocalNodeSlots(backend.Database);
    }

    /// <summary>The node slots runs claim.</summary>
    internal LocalNodeSlots Slots { get; }

    private LocalDatabase Database => _backend.Database;

    public override Task<ComputeRecord> CreateAsync(ComputeRecord compute, CancellationToken cancellationToken)
        => Task.FromResult(Database.Write((connection, transaction) =>
        {
            if (Get(connection, transaction, compute.Name) is ComputeRecord existing)
            {
                throw new ComputeTargetException(
                    $"ComputeTargetAlreadyExists: The name '{compute.Name}' is already used by the {existing.ComputeType} '{existing.Name}' in this workspace " +
                    $"(names compare case-insensitively). Choose another name, or use the existing target with ComputeTarget.Get(ws, \"{existing.Name}\").");
            }

            string now = LocalTime.Format(DateTimeOffset.UtcNow);
            LocalRunStore.Execute(connection, transaction,
                $"INSERT INTO compute_targets ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13);",
                compute.Name, compute.ComputeType, compute.VmSize, compute.VmPriority, compute.MinNodes, compute.MaxNodes, compute.IdleSecondsBeforeScaledown,
                compute.Location, compute.Description, JsonSerializer.Serialize(compute.Tags), JsonSerializer.Serialize(compute.Settings),
                compute.ProvisioningState, now, now);
            return Get(connection, transaction, compute.Name)!;
        }));

    public override Task<ComputeRecord?> GetAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(Database.Read(connection => Get(connection, null, name)));

    public override IAsyncEnumerable<ComputeRecord> ListAsync(CancellationToken cancellationToken) => List().ToAsyncEnumerable();

    /// <summary>Every target, by name.</summary>
    public IReadOnlyList<ComputeRecord> List() => Database.Read(connection => Query(connection, null, $"SELECT {Columns} FROM compute_targets ORDER BY name;"));

    public override Task<ComputeRecord> UpdateScaleAsync(string name, int? minNodes, int? maxNodes, int? idleSecondsBeforeScaledown, CancellationToken cancellationToken)
        => Task.FromResult(Database.Write((connection, transaction) =>
        {
            ComputeRecord current = Get(connection, transaction, name) ?? throw NotFound(name);
            LocalRunStore.Execute(connection, transaction,
                "UPDATE compute_targets SET min_nodes = $p0, max_nodes = $p1, idle_seconds = $p2, modified_utc = $p3 WHERE name = $p4;",
                minNodes ?? current.MinNodes, maxNodes ?? current.MaxNodes, idleSecondsBeforeScaledown ?? current.IdleSecondsBeforeScaledown,
                LocalTime.Format(DateTimeOffset.UtcNow), current.Name);
            return Get(connection, transaction, name)!;
        }));

    public override Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        Database.Write((connection, transaction) =>
        {
            if (Get(connection, transaction, name) is not ComputeRecord compute) return 0;
            ComputeNodeCounts counts = LocalNodeSlots.Count(connection, transaction, compute);
            if (counts.Running > 0 || counts.QueuedRuns > 0)
            {
                throw new ComputeTargetException(
                    $"ComputeTargetInUse: '{compute.Name}' cannot be deleted while runs use it (nodes busy: {counts.Running}, runs queued: {counts.QueuedRuns}). " +
                    "Cancel those runs or wait for them to finish, then delete it.");
            }

            return LocalRunStore.Execute(connection, transaction, "DELETE FROM compute_targets WHERE name = $p0;", compute.Name);
        });
        return Task.CompletedTask;
    }

    public override Task<ComputeNodeCounts> GetNodeCountsAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(Database.Read(connection => LocalNodeSlots.Count(connection, null, Get(connection, null, name) ?? throw NotFound(name))));

    internal static ComputeRecord? Get(SqliteConnection connection, SqliteTransaction? transaction, string name)
        => Query(connection, transaction, $"SELECT {Columns} FROM compute_targets WHERE name = $p0;", name).FirstOrDefault();

    private static List<ComputeRecord> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] args)
    {
        using SqliteCommand command = LocalRunStore.Command(connection, transaction, sql, args);
        using SqliteDataReader reader = command.ExecuteReader();
        var computes = new List<ComputeRecord>();
        while (reader.Read())
        {
            computes.Add(new ComputeRecord
            {
                Name = reader.GetString(0),
                ComputeType = reader.GetString(1),
                VmSize = reader.GetString(2),
                VmPriority = reader.GetString(3),
                MinNodes = reader.GetInt32(4),
                MaxNodes = reader.GetInt32(5),
                IdleSecondsBeforeScaledown = reader.GetInt32(6),
                Location = reader.IsDBNull(7) ? null : reader.GetString(7),
                Description = reader.IsDBNull(8) ? null : reader.GetString(8),
                Tags = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(9))!,
                Settings = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(10))!,
                ProvisioningState = reader.GetString(11),
                CreatedTime = LocalTime.Parse(reader.GetString(12)),
                ModifiedTime = LocalTime.Parse(reader.GetString(13)),
            });
        }

        return computes;
    }
}
