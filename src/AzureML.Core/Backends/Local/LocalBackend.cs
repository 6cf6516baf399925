using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// The embedded workspace: a folder holding <c>workspace.db</c> (SQLite) for all metadata and plain
/// folders for files (<c>runs/&lt;id&gt;/artifacts</c>, <c>snapshots/</c>, <c>runs/&lt;id&gt;/working</c>).
/// </summary>
internal sealed class LocalBackend : WorkspaceBackend
{
    /// <summary>The variable that tells a run's process where its local workspace is.</summary>
    public const string WorkspaceVariable = "AZUREML_LOCAL_WORKSPACE";

    private readonly LocalDatabase _database;

    private LocalBackend(string? root, LocalDatabase database)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), $"azureml-offline-{Guid.NewGuid():N}");
        _database = database;
        Experiments = new LocalExperimentStore(database);
        Runs = new LocalRunStore(database);
        Artifacts = new LocalArtifactStore(this);
        Environments = new LocalEnvironmentStore(database);
        Jobs = new LocalJobLauncher(this);
        Models = new LocalModelStore(this);
        Compute = new LocalComputeStore(this);
        Datastores = new LocalDatastoreStore(this);
        Datasets = new LocalDatasetStore(this);
        Deployments = new LocalDeploymentStore(this);
    }

    /// <summary>The workspace folder.</summary>
    public string Root { get; }

    public LocalDatabase Database => _database;

    public override ExperimentStore Experiments { get; }
    public override LocalRunStore Runs { get; }
    public override ArtifactStore Artifacts { get; }
    public override EnvironmentStore Environments { get; }
    public override LocalJobLauncher Jobs { get; }
    public override LocalModelStore Models { get; }
    public override LocalComputeStore Compute { get; }
    public override LocalDatastoreStore Datastores { get; }
    public override LocalDatasetStore Datasets { get; }
    public override LocalDeploymentStore Deployments { get; }
    public override string Kind => "local";

    /// <summary>
    /// Opens (creating when needed) the workspace folder <paramref name="root"/>. With <paramref name="recover"/>,
    /// what killed processes left behind is dealt with first: their stale temporary files and folders are removed,
    /// and runs whose supervisor is gone get a new one.
    /// </summary>
    public static LocalBackend Open(string root, bool recover = true)
    {
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"Cannot create the local workspace folder '{root}': {ex.Message}", ex);
        }

        var backend = new LocalBackend(root, LocalDatabase.OpenFile(Path.Combine(root, "workspace.db")));
        if (recover)
        {
            backend.SweepLeftovers();
            backend.Jobs.SuperviseAbandonedRuns();
        }

        return backend;
    }

    /// <summary>
    /// Removes the temporary files and folders that killed writers left anywhere in the workspace (registrations,
    /// uploads, snapshots, artifacts). At most once per <see cref="FileWriting.StaleAfter"/>: nothing can become
    /// stale sooner, and the sweep walks the workspace's folders.
    /// </summary>
    private void SweepLeftovers()
    {
        string stamp = Path.Combine(Root, ".last-sweep");
        if (File.Exists(stamp) && DateTime.UtcNow - File.GetLastWriteTimeUtc(stamp) < FileWriting.StaleAfter) return;
        File.WriteAllBytes(stamp, []);
        string runs = Path.Combine(Root, "runs");
        string snapshots = Path.Combine(Root, "snapshots");

        // Written once and never again: finished snapshots, working copies (the run's own files) and installed helpers.
        bool WrittenOnce(string folder)
        {
            string? parent = Path.GetDirectoryName(folder);
            return parent == snapshots
                || (Path.GetFileName(folder) == "working" && Path.GetDirectoryName(parent) == runs)
                || Path.GetFileName(parent) is EmbeddedFolder.PythonShimFolder or EmbeddedFolder.ScoringHostFolder;
        }

        FileWriting.SweepStale(Root, recursive: true, skip: WrittenOnce);
    }

    /// <summary>A throw-away workspace in memory, for offline runs.</summary>
    public static LocalBackend OpenInMemory() => new(null, LocalDatabase.OpenInMemory());

    /// <summary>The folder holding a run's files.</summary>
    public string RunFolder(string runId) => Path.Combine(Root, "runs", runId);

    /// <summary>The folder holding a run's artifacts (outputs, logs, uploads).</summary>
    public string ArtifactFolder(string runId) => Path.Combine(RunFolder(runId), "artifacts");

    /// <summary>The folder a run's script executes in.</summary>
    public string WorkingFolder(string runId) => Path.Combine(RunFolder(runId), "working");

    /// <summary>The folder holding snapshots of source directories.</summary>
    public string SnapshotFolder(string snapshotId) => Path.Combine(Root, "snapshots", snapshotId);

    public override void Dispose() => _database.Dispose();
}
