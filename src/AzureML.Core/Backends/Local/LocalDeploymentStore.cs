using System.Text;
using System.Text.Json;
using AzureML.Core.Internal;
using Microsoft.Data.Sqlite;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Web services of a local workspace: each is a host process on 127.0.0.1 recorded in the <c>services</c>
/// table. State is derived from what the host left behind (ready or failed file) and whether it is alive,
/// so any process — not only the one that deployed — sees the truth.
/// </summary>
internal sealed class LocalDeploymentStore : DeploymentStore
{
    private const string Columns = "name, compute_type, state, generation, port, pid, start_ticks, auth_enabled, definition, description, tags, properties, error, created_utc, updated_utc";
    private static readonly TimeSpan s_killWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_startupGrace = TimeSpan.FromMinutes(2);
    private readonly LocalBackend _backend;
    private readonly LocalServiceLauncher _launcher;
    private readonly LocalSecretProtector _secrets;

    public LocalDeploymentStore(LocalBackend backend)
    {
        _backend = backend;
        _launcher = new LocalServiceLauncher(backend);
        _secrets = new LocalSecretProtector(backend.Root);
    }

    private static Internal.SdkJsonContext Json => Internal.SdkJsonContext.Default;

    private LocalDatabase Database => _backend.Database;

    public override Task<ServiceRecord> DeployAsync(ServiceDeploymentRequest request, CancellationToken cancellationToken)
    {
        Row? existing = Find(request.Name);
        if (existing is not null)
        {
            if (!request.Overwrite)
            {
                throw new WebserviceException(
                    $"A service named '{request.Name}' already exists ({existing.State}, {existing.ScoringUri}). " +
                    "Pass overwrite: true to replace it, call Update() on it to keep its scoring URI, or choose another name.")
                {
                    ErrorCode = AzureMLErrorCode.Conflict,
                };
            }

            Stop(existing);
            Database.Write((c, t) => LocalRunStore.Execute(c, t, "DELETE FROM services WHERE name = $p0;", request.Name));
            TryDeleteFolder(new LocalServiceLayout(_backend, request.Name, 0).Root);
        }

        var definition = LocalServiceDefinition.From(request);
        string now = LocalTime.Format(DateTimeOffset.UtcNow);
        string? primary = request.AuthEnabled ? request.PrimaryKey ?? NewServiceKey() : null;
        string? secondary = request.AuthEnabled ? request.SecondaryKey ?? NewServiceKey() : null;
        try
        {
            Database.Write((c, t) => LocalRunStore.Execute(c, t,
                $"INSERT INTO services ({Columns}, primary_key, secondary_key) VALUES ($p0, $p1, 'Transitioning', 1, $p2, NULL, NULL, $p3, $p4, $p5, $p6, $p7, NULL, $p8, $p8, $p9, $p10);",
                request.Name, request.ComputeType, request.Port, request.AuthEnabled ? 1 : 0, definition.ToJson(), request.Description,
                JsonSerializer.Serialize(request.Tags, Json.IReadOnlyDictionaryStringString), JsonSerializer.Serialize(request.Properties, Json.IReadOnlyDictionaryStringString), now,
                primary is null ? null : Protect(primary, request.Name), secondary is null ? null : Protect(secondary, request.Name)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new WebserviceException($"A service named '{request.Name}' was created by someone else at the same time.", ex) { ErrorCode = AzureMLErrorCode.Conflict };
        }

        if (primary is not null) WriteAuthFile(request.Name, primary, secondary!);
        PreparedServiceHost host = PrepareOrFail(request.Name, 1, definition, request.AuthEnabled, request.Port ?? 0);
        Launch(request.Name, 1, host);
        return Task.FromResult(ToRecord(Find(request.Name)!));
    }

    public override Task<ServiceRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        Row? row = Find(name);
        return Task.FromResult(row is null ? null : ToRecord(Reconcile(row)));
    }

    public override IAsyncEnumerable<ServiceRecord> ListAsync(ServiceQuery query, CancellationToken cancellationToken)
        => Query("SELECT " + Columns + " FROM services ORDER BY name;").Select(r => ToRecord(Reconcile(r))).Where(query.Matches).ToList().ToAsyncEnumerable();

    public override async Task<string> ScoreAsync(ServiceRecord service, string body, CancellationToken cancellationToken)
    {
        string? key = service.AuthEnabled ? (await GetKeysAsync(service.Name, cancellationToken).ConfigureAwait(false)).Primary : null;
        return await LocalScoringClient.ScoreAsync(service.Name, service.ScoringUri!, key, body, cancellationToken).ConfigureAwait(false);
    }

    public override Task<ServiceRecord> UpdateAsync(string name, ServiceDeploymentRequest? redeploy, string? description,
        IReadOnlyDictionary<string, string>? tags, IReadOnlyDictionary<string, string>? properties, bool? authEnabled, CancellationToken cancellationToken)
    {
        Row row = Reconcile(Require(name));
        bool auth = authEnabled ?? row.AuthEnabled;
        bool restart = redeploy is not null || auth != row.AuthEnabled;
        LocalServiceDefinition definition = redeploy is null ? row.Definition : Merge(row.Definition, redeploy);
        long generation = row.Generation + 1;

        // The new generation is laid out and checked while the current one still serves, before anything about
        // the service changes: a failure leaves it exactly as it was (state, keys, auth, tags).
        PreparedServiceHost? host = null;
        if (restart)
        {
            try
            {
                host = _launcher.Prepare(name, generation, definition, auth, row.Port ?? 0);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not AzureMLException)
            {
                throw new WebserviceException($"Service '{name}' was not updated: {ex.GetType().Name}: {ex.Message}", ex);
            }
        }

        if (auth && !row.AuthEnabled)
        {
            string primary = NewServiceKey();
            string secondary = NewServiceKey();
            Database.Write((c, t) => LocalRunStore.Execute(c, t, "UPDATE services SET primary_key = $p0, secondary_key = $p1 WHERE name = $p2;",
                Protect(primary, name), Protect(secondary, name), name));
            WriteAuthFile(name, primary, secondary);
        }

        Database.Write((c, t) => LocalRunStore.Execute(c, t,
            "UPDATE services SET description = COALESCE($p0, description), tags = COALESCE($p1, tags), properties = COALESCE($p2, properties), " +
            "auth_enabled = $p3, updated_utc = $p4 WHERE name = $p5;",
            description, tags is null ? null : JsonSerializer.Serialize(tags, Json.IReadOnlyDictionaryStringString), properties is null ? null : JsonSerializer.Serialize(properties, Json.IReadOnlyDictionaryStringString),
            auth ? 1 : 0, LocalTime.Format(DateTimeOffset.UtcNow), name));

        if (host is not null)
        {
            Stop(row);
            Database.Write((c, t) => LocalRunStore.Execute(c, t,
                "UPDATE services SET state = 'Transitioning', generation = $p0, definition = $p1, error = NULL, pid = NULL, updated_utc = $p2 WHERE name = $p3;",
                generation, definition.ToJson(), LocalTime.Format(DateTimeOffset.UtcNow), name));
            Launch(name, generation, host);
        }

        return Task.FromResult(ToRecord(Find(name)!));
    }

    // An update keeps whatever it does not replace: new models keep the entry script and environment, a new
    // inference configuration keeps the models, and resources stay as deployed.
    private static LocalServiceDefinition Merge(LocalServiceDefinition current, ServiceDeploymentRequest redeploy) => current with
    {
        Models = redeploy.Models.Count > 0 ? redeploy.Models : current.Models,
        EntryScript = redeploy.EntryScript ?? current.EntryScript,
        SourceDirectory = redeploy.EntryScript is null ? current.SourceDirectory : redeploy.SourceDirectory,
        EnvironmentJson = redeploy.Environment is null ? current.EnvironmentJson : StoredEnvironment.Prepare(AzureML.Core.EnvironmentJson.Serialize(redeploy.Environment)),
    };

    public override Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        Row? row = Find(name);
        if (row is null) return Task.CompletedTask;
        Stop(row);
        Database.Write((c, t) => LocalRunStore.Execute(c, t, "DELETE FROM services WHERE name = $p0;", name));
        TryDeleteFolder(new LocalServiceLayout(_backend, name, row.Generation).Root);
        return Task.CompletedTask;
    }

    public override Task<string> GetLogsAsync(string name, int numLines, CancellationToken cancellationToken)
    {
        Row row = Require(name);
        return Task.FromResult(LogTail.ReadTail(new LocalServiceLayout(_backend, name, row.Generation).LogFile, numLines) ?? "");
    }

    public override Task<(string Primary, string Secondary)> GetKeysAsync(string name, CancellationToken cancellationToken)
    {
        Row row = Require(name);
        if (!row.AuthEnabled) throw new WebserviceException($"Key authentication is not enabled for service '{name}'; deploy or update it with authEnabled: true.");
        (string? primary, string? secondary) = Database.Read(c =>
        {
            using SqliteCommand command = LocalRunStore.Command(c, null, "SELECT primary_key, secondary_key FROM services WHERE name = $p0;", name);
            using SqliteDataReader reader = command.ExecuteReader();
            reader.Read();
            return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        });
        return Task.FromResult((Unprotect(primary!, name), Unprotect(secondary!, name)));
    }

    public override Task RegenerateKeyAsync(string name, string key, string? setKey, CancellationToken cancellationToken)
    {
        string column = key.ToLowerInvariant() switch
        {
            "primary" => "primary_key",
            "secondary" => "secondary_key",
            _ => throw new UserErrorException($"RegenKey takes \"Primary\" or \"Secondary\", not \"{key}\"."),
        };
        if (!Require(name).AuthEnabled) throw new WebserviceException($"Key authentication is not enabled for service '{name}'; deploy or update it with authEnabled: true.");
        string fresh = setKey ?? NewServiceKey();

        // Read both keys, replace one and rewrite the host's key file in one transaction, so two concurrent
        // regenerations cannot leave the file without the other's new key.
        Database.Write((c, t) =>
        {
            LocalRunStore.Execute(c, t, $"UPDATE services SET {column} = $p0, updated_utc = $p1 WHERE name = $p2;",
                Protect(fresh, name), LocalTime.Format(DateTimeOffset.UtcNow), name);
            using SqliteCommand command = LocalRunStore.Command(c, t, "SELECT primary_key, secondary_key FROM services WHERE name = $p0;", name);
            using SqliteDataReader reader = command.ExecuteReader();
            reader.Read();
            WriteAuthFile(name, Unprotect(reader.GetString(0), name), Unprotect(reader.GetString(1), name));
            return 0;
        });
        return Task.CompletedTask;
    }

    // Keys are stored encrypted, bound to their service's name.
    private string Protect(string key, string service) => Convert.ToBase64String(_secrets.Protect(key, $"service:{service}"));

    private string Unprotect(string stored, string service) => _secrets.Unprotect(Convert.FromBase64String(stored), $"service:{service}");

    /// <summary>A new random service key: 32 bytes, URL-safe base64.</summary>
    private static string NewServiceKey()
        => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private PreparedServiceHost PrepareOrFail(string name, long generation, LocalServiceDefinition definition, bool authEnabled, int port)
    {
        try
        {
            return _launcher.Prepare(name, generation, definition, authEnabled, port);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SetState(name, "Failed", ex.Message);
            throw ex as AzureMLException ?? new WebserviceException($"Service '{name}' could not be prepared: {ex.Message}", ex);
        }
    }

    private void Launch(string name, long generation, PreparedServiceHost host)
    {
        try
        {
            // A slow preparation may have let a reader give up on the start-up; the host now exists, so the
            // generation it serves is Transitioning again until it reports ready or failed.
            (int pid, long ticks) = _launcher.Launch(host);
            Database.Write((c, t) => LocalRunStore.Execute(c, t,
                "UPDATE services SET pid = $p0, start_ticks = $p1, state = 'Transitioning', error = NULL, updated_utc = $p2 WHERE name = $p3 AND generation = $p4;",
                pid, ticks, LocalTime.Format(DateTimeOffset.UtcNow), name, generation));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SetState(name, "Failed", ex.Message);
            throw ex as AzureMLException ?? new WebserviceException($"Service '{name}' could not be started: {ex.Message}", ex);
        }
    }

    // The host's ready/failed files and liveness decide the state; the database records the conclusion.
    private Row Reconcile(Row row)
    {
        var layout = new LocalServiceLayout(_backend, row.Name, row.Generation);
        bool alive = row.Pid is int pid && ProcessTree.IsAlive(pid, row.StartTicks ?? 0);
        if (row.State == "Transitioning")
        {
            if (File.Exists(layout.FailedFile))
            {
                return SetState(row.Name, "Failed", FailureMessage(layout));
            }

            if (File.Exists(layout.ReadyFile) && ReadyHost(layout) is (int port, int readyPid) && readyPid == row.Pid)
            {
                Database.Write((c, t) => LocalRunStore.Execute(c, t, "UPDATE services SET state = 'Healthy', port = $p0, error = NULL WHERE name = $p1;", port, row.Name));
                return Find(row.Name)!;
            }

            if (row.Pid is null && DateTimeOffset.UtcNow - row.Updated > s_startupGrace)
            {
                return SetState(row.Name, "Failed", "The service host was never started; deploy it again (overwrite: true).");
            }

            if (row.Pid is not null && !alive)
            {
                return SetState(row.Name, "Failed", "The service host ended during start-up. Log tail:\n" + (LogTail.ReadTail(layout.LogFile, 20) ?? "(empty)"));
            }
        }
        else if (row.State == "Healthy" && !alive)
        {
            return SetState(row.Name, "Unhealthy", "The service host process is no longer running. Log tail:\n" + (LogTail.ReadTail(layout.LogFile, 20) ?? "(empty)"));
        }

        return row;
    }

    private static (int Port, int Pid)? ReadyHost(LocalServiceLayout layout)
    {
        using JsonDocument ready = JsonDocument.Parse(File.ReadAllText(layout.ReadyFile));
        return (ready.RootElement.GetProperty("port").GetInt32(), ready.RootElement.GetProperty("pid").GetInt32());
    }

    private static string FailureMessage(LocalServiceLayout layout)
    {
        using JsonDocument failed = JsonDocument.Parse(File.ReadAllText(layout.FailedFile));
        string error = failed.RootElement.TryGetProperty("error", out JsonElement e) ? e.GetString() ?? "" : "";
        string traceback = failed.RootElement.TryGetProperty("traceback", out JsonElement tb) ? tb.GetString() ?? "" : "";
        return $"{error}\n{traceback}".Trim();
    }

    private Row SetState(string name, string state, string? error)
    {
        Database.Write((c, t) => LocalRunStore.Execute(c, t, "UPDATE services SET state = $p0, error = $p1 WHERE name = $p2;", state, error, name));
        return Find(name)!;
    }

    private void Stop(Row row)
    {
        if (row.Pid is int pid) ProcessTree.Kill(pid, row.StartTicks ?? 0, s_killWait);
    }

    private void WriteAuthFile(string name, string primary, string secondary)
    {
        string path = new LocalServiceLayout(_backend, name, 0).AuthFile;
        FileWriting.WriteAtomically(path, Encoding.UTF8.GetBytes(Webservices.Hosting.ServiceAuthKeys.HashFileContent(new[] { primary, secondary })));
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held open; the folder is no longer referenced by any service.
        }
    }

    private Row Require(string name) => Find(name) ?? throw new WebserviceException($"There is no service named '{name}' in this workspace.")
    {
        ErrorCode = AzureMLErrorCode.ResourceNotFound,
    };

    private Row? Find(string name) => Query("SELECT " + Columns + " FROM services WHERE name = $p0;", name).FirstOrDefault();

    private List<Row> Query(string sql, params object?[] args) => Database.Read(c =>
    {
        using SqliteCommand command = LocalRunStore.Command(c, null, sql, args);
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.GetInt64(7) != 0, LocalServiceDefinition.FromJson(reader.GetString(8)), reader.IsDBNull(9) ? null : reader.GetString(9),
                JsonSerializer.Deserialize(reader.GetString(10), Json.DictionaryStringString)!, JsonSerializer.Deserialize(reader.GetString(11), Json.DictionaryStringString)!,
                reader.IsDBNull(12) ? null : reader.GetString(12), LocalTime.Parse(reader.GetString(13)), LocalTime.Parse(reader.GetString(14))));
        }

        return rows;
    });

    private static ServiceRecord ToRecord(Row row)
    {
        Uri? baseUri = row.State == "Healthy" || row.Port is not null ? row.Port is int port and > 0 ? new Uri($"http://127.0.0.1:{port}/") : null : null;
        return new ServiceRecord
        {
            Name = row.Name,
            ComputeType = row.ComputeType,
            State = row.State,
            ScoringUri = baseUri is null ? null : new Uri(baseUri, "score"),
            SwaggerUri = baseUri is null ? null : new Uri(baseUri, "swagger.json"),
            AuthEnabled = row.AuthEnabled,
            Models = row.Definition.Models,
            EntryScript = row.Definition.EntryScript,
            CreatedTime = row.Created,
            UpdatedTime = row.Updated,
            Description = row.Description,
            Tags = row.Tags,
            Properties = row.Properties,
            Error = row.Error,
        };
    }

    private sealed record Row(string Name, string ComputeType, string State, long Generation, int? Port, int? Pid, long? StartTicks, bool AuthEnabled,
        LocalServiceDefinition Definition, string? Description, Dictionary<string, string> Tags, Dictionary<string, string> Properties, string? Error,
        DateTimeOffset Created, DateTimeOffset Updated)
    {
        public string ScoringUri => Port is int p and > 0 ? $"http://127.0.0.1:{p}/score" : "no URI yet";
    }
}
