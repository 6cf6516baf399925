using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using AzureML.Core.Backends.Local;
using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// The top-level resource: where experiments, runs, models, environments, compute and data live. Open one
/// with <see cref="FromConfig(string?, string?)"/> (Azure or local, decided by <c>config.json</c>) or
/// <see cref="Local(string)"/> (an embedded workspace on this machine).
/// </summary>
public partial class Workspace
{
    /// <summary>The default folder of a local workspace, relative to the current directory.</summary>
    public const string DefaultLocalPath = ".azureml/local";

    private readonly Lazy<WorkspaceBackend> _backend;

    private Workspace(string name, string? subscriptionId, string? resourceGroup, string? location, string? localPath, Func<WorkspaceBackend> backendFactory)
    {
        Name = name;
        SubscriptionId = subscriptionId;
        ResourceGroup = resourceGroup;
        Location = location;
        LocalPath = localPath;
        _backend = new Lazy<WorkspaceBackend>(backendFactory, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>For mocking.</summary>
    protected Workspace()
    {
        Name = "";
        _backend = new Lazy<WorkspaceBackend>(() => throw new InvalidOperationException("A mocked workspace has no backend."));
    }

    /// <summary>The workspace name.</summary>
    public virtual string Name { get; }

    /// <summary>The Azure subscription id, or <c>null</c> for a local workspace without one.</summary>
    public virtual string? SubscriptionId { get; }

    /// <summary>The Azure resource group, or <c>null</c> for a local workspace without one.</summary>
    public virtual string? ResourceGroup { get; }

    /// <summary>The Azure region, or <c>local</c> for a local workspace.</summary>
    public virtual string? Location { get; }

    /// <summary>The folder of a local workspace, or <c>null</c> for an Azure workspace.</summary>
    public virtual string? LocalPath { get; }

    /// <summary>True when this workspace is the embedded local one.</summary>
    public virtual bool IsLocal => LocalPath is not null;

    internal WorkspaceBackend Backend => _backend.Value;

    /// <summary>
    /// Opens the workspace described by a <c>config.json</c>, found with azureml-core's rules: when
    /// <paramref name="path"/> is a file it is read directly; otherwise <c>.azureml/</c>, <c>aml_config/</c>
    /// and the folder itself are searched for <c>config.json</c> then <c>project.json</c>, from
    /// <paramref name="path"/> (default: the current directory) up to the root.
    /// </summary>
    /// <remarks>
    /// A file with <c>subscription_id</c>, <c>resource_group</c> and <c>workspace_name</c> (or the
    /// <c>Scope</c> resource id written by <see cref="WriteConfig"/>) names an Azure workspace: nothing is sent until a
    /// call needs the service, which then signs in with <see cref="Authentication.DefaultAuthentication"/> (pass
    /// <c>auth</c> and <c>options</c> to <see cref="FromConfig(string?, Authentication.AbstractAuthentication?, string?, AzureMLClientOptions?)"/>
    /// to choose). A file with <c>local_path</c> opens the local workspace at that folder, relative to the file.
    /// </remarks>
    /// <param name="path">A folder to start the search from, or a config file.</param>
    /// <param name="fileName">Only look for this file name.</param>
    /// <exception cref="UserErrorException">No file was found, or it is malformed.</exception>
    public static Workspace FromConfig(string? path = null, string? fileName = null)
    {
        WorkspaceConfigFile config = WorkspaceConfigFile.Find(path, fileName);
        if (config.LocalPath is not null)
        {
            // The pointer file lives in .azureml/ or aml_config/ (or beside the project); local_path is
            // relative to the file, as users write it next to the file.
            string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(config.FilePath)!, config.LocalPath));
            return OpenLocal(root, config.WorkspaceName, config.SubscriptionId, config.ResourceGroup);
        }

        // Nothing is sent yet: the first call that needs the service signs in with the default chain.
        return FromScope(new Backends.Azure.Rest.WorkspaceScope(config.SubscriptionId!, config.ResourceGroup!, config.WorkspaceName!), auth: null, options: null);
    }

    /// <summary>Opens the local workspace in <paramref name="path"/>, creating it when it does not exist.</summary>
    /// <param name="path">The workspace folder; default <c>.azureml/local</c> under the current directory.</param>
    public static Workspace Local(string path = DefaultLocalPath)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        return OpenLocal(Path.GetFullPath(path), name: null, subscriptionId: null, resourceGroup: null);
    }

    internal static Workspace OpenLocal(string root, string? name, string? subscriptionId, string? resourceGroup)
    {
        LocalBackend backend = LocalBackend.Open(root);
        return new Workspace(name ?? "local", subscriptionId, resourceGroup, "local", root, () => backend);
    }

    internal static Workspace FromBackend(string name, string? localPath, WorkspaceBackend backend)
        => new(name, null, null, localPath is null ? null : "local", localPath, () => backend);

    /// <summary>
    /// Writes this workspace's pointer file so <see cref="FromConfig(string?, string?)"/> finds it: <c>&lt;path&gt;/.azureml/&lt;fileName&gt;</c>
    /// (or <c>aml_config/</c> when that folder already exists). Azure workspaces are written in the
    /// <c>Scope</c> form azureml-core writes; local workspaces with <c>local_path</c> relative to the file.
    /// </summary>
    /// <param name="path">The project folder; default the current directory.</param>
    /// <param name="fileName">The file name; default <c>config.json</c>.</param>
    /// <returns>The full path of the file written.</returns>
    public virtual string WriteConfig(string? path = null, string? fileName = null)
    {
        string project = Path.GetFullPath(string.IsNullOrEmpty(path) ? "." : path);
        string folder = Directory.Exists(Path.Combine(project, "aml_config")) ? Path.Combine(project, "aml_config") : Path.Combine(project, ".azureml");
        string file = Path.Combine(folder, string.IsNullOrEmpty(fileName) ? "config.json" : fileName);

        var json = new JsonObject();
        if (LocalPath is not null)
        {
            json["workspace_name"] = Name;
            if (SubscriptionId is not null) json["subscription_id"] = SubscriptionId;
            if (ResourceGroup is not null) json["resource_group"] = ResourceGroup;
            json["local_path"] = Path.GetRelativePath(folder, LocalPath).Replace('\\', '/');
        }
        else
        {
            json["Id"] = null;
            json["Scope"] = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/{Name}";
        }

        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserErrorException($"Cannot write the workspace configuration to '{file}': permission denied.", ex);
        }

        return file;
    }

    /// <summary>
    /// The workspace's experiments by name (archived ones excluded). A missing name throws a
    /// <see cref="KeyNotFoundException"/> that lists the experiments that exist.
    /// </summary>
    public virtual IReadOnlyDictionary<string, Experiment> Experiments => SynchronousCall.Run(() => GetExperimentsAsync(CancellationToken.None));

    /// <summary>The workspace's experiments by name (archived ones excluded).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyDictionary<string, Experiment>> GetExperimentsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ExperimentRecord> records = await Backend.Experiments.ListAsync(includeArchived: false, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new NamedCollection<Experiment>(records.Select(r => KeyValuePair.Create(r.Name, new Experiment(this, r))), "experiment",
            hint: "Submitting a run to new Experiment(ws, name) creates it.");
    }

    /// <summary>The latest version of every registered model, by name.</summary>
    public virtual IReadOnlyDictionary<string, Model> Models => SynchronousCall.Run(() => GetModelsAsync(CancellationToken.None));

    /// <summary>The latest version of every registered model, by name.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyDictionary<string, Model>> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Model> latest = await Model.ListAsync(this, latest: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return latest.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>The workspace's web services, by name.</summary>
    public virtual IReadOnlyDictionary<string, AzureML.Core.Webservices.Webservice> Webservices
        => AzureML.Core.Webservices.Webservice.List(this).ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Returns the default datastore, <c>workspaceblobstore</c> (on a local workspace a folder in it, created on first use).</summary>
    public virtual Datastore GetDefaultDatastore() => Datastore.GetDefault(this);

    /// <inheritdoc cref="GetDefaultDatastore"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Datastore> GetDefaultDatastoreAsync(CancellationToken cancellationToken = default) => Datastore.GetDefaultAsync(this, cancellationToken);

    /// <summary>The workspace's datastores by name; a missing name throws <see cref="KeyNotFoundException"/> listing the registered ones.</summary>
    public virtual IReadOnlyDictionary<string, Datastore> Datastores => SynchronousCall.Run(() => Datastore.GetAllAsync(this, CancellationToken.None));

    /// <summary>
    /// The latest version of every registered dataset by name (<c>ws.Datasets["heart-failure-records"]</c>); a missing
    /// name throws <see cref="KeyNotFoundException"/> listing the registered ones.
    /// </summary>
    public virtual IReadOnlyDictionary<string, Dataset> Datasets => Dataset.GetAll(this);

    /// <summary>
    /// The workspace's compute targets by name (case-insensitive). A missing name throws a
    /// <see cref="KeyNotFoundException"/> that lists the targets that exist.
    /// </summary>
    public virtual IReadOnlyDictionary<string, ComputeTarget> ComputeTargets => SynchronousCall.Run(() => GetComputeTargetsAsync(CancellationToken.None));

    /// <inheritdoc cref="ComputeTargets"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyDictionary<string, ComputeTarget>> GetComputeTargetsAsync(CancellationToken cancellationToken = default)
        => new NamedCollection<ComputeTarget>(
            (await ComputeTarget.ListAsync(this, cancellationToken).ConfigureAwait(false)).Select(t => KeyValuePair.Create(t.Name, t)),
            "compute target", StringComparer.OrdinalIgnoreCase, "Create it with ComputeTarget.Create(ws, name, AmlCompute.ProvisioningConfiguration(...)).");

    /// <summary>Returns a run of any experiment in this workspace by id.</summary>
    /// <param name="runId">The run id.</param>
    /// <exception cref="RunNotFoundException">No run has that id.</exception>
    public virtual Run GetRun(string runId) => SynchronousCall.Run(() => GetRunAsync(runId));

    /// <summary>Returns a run of any experiment in this workspace by id.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RunNotFoundException">No run has that id.</exception>
    public virtual async Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(runId, nameof(runId));
        RunRecord record = await Backend.Jobs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        return Run.FromRecord(this, record);
    }

    /// <inheritdoc />
    public override string ToString() => IsLocal
        ? $"Workspace.Local(name={Name}, path={LocalPath})"
        : $"Workspace.Create(name={Name}, subscription_id={SubscriptionId}, resource_group={ResourceGroup})";
}
