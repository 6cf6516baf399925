using System.Globalization;
using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// A reference to data, with the way to read it, that can be registered in a workspace with versions 1, 2, 3….
/// Create one with <see cref="Tabular"/> or <see cref="File"/>; nothing is read until the data is used.
/// Mirrors <c>azureml.core.Dataset</c>.
/// </summary>
public abstract partial class Dataset
{
    private readonly DatasetRecord? _record;

    private protected Dataset(DatasetDefinition definition, Workspace? workspace, DatasetRecord? record)
    {
        Definition = definition;
        Workspace = workspace;
        _record = record;
    }

    /// <summary>For mocking.</summary>
    protected Dataset() => Definition = null!;

    /// <summary>Creates tabular datasets (<c>Dataset.Tabular.FromDelimitedFiles(...)</c>).</summary>
    public static TabularDatasetFactory Tabular { get; } = new();

    /// <summary>Creates file datasets (<c>Dataset.File.FromFiles(...)</c>).</summary>
    public static FileDatasetFactory File { get; } = new();

    internal DatasetDefinition Definition { get; }

    /// <summary>The workspace the dataset was registered in or reads its datastores from; null for local files and URLs only.</summary>
    internal Workspace? Workspace { get; }

    /// <summary>The registered name, or <c>null</c> when not registered.</summary>
    public virtual string? Name => _record?.Name;

    /// <summary>The registered version (1, 2, …), or <c>null</c> when not registered.</summary>
    public virtual int? Version => _record is null ? null : (int)_record.Version;

    /// <summary>The id of the registered version, or <c>null</c> when not registered.</summary>
    public virtual string? Id => _record?.Id;

    /// <summary>The description given at registration.</summary>
    public virtual string? Description => _record?.Description;

    /// <summary>The tags given at registration.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => _record?.Tags ?? new Dictionary<string, string>();

    /// <summary>
    /// Where the data comes from, as written when the dataset was defined: local paths, http(s) URLs, or
    /// <c>azureml://datastores/&lt;name&gt;/paths/&lt;path&gt;</c> for datastore paths.
    /// </summary>
    public virtual IReadOnlyList<string> Sources => Definition.Sources.Select(s => s.Describe()).ToList();

    /// <summary>
    /// Reads a tabular dataset into a typed <see cref="DataFrame"/>. Defined here so a dataset taken from
    /// <c>ws.Datasets[name]</c> reads directly; a <see cref="FileDataset"/> refuses.
    /// </summary>
    /// <exception cref="UserErrorException">This is a file dataset, or a file is missing or malformed (the message names the file and line).</exception>
    public virtual DataFrame ToDataFrame() => SynchronousCall.Run(() => ToDataFrameAsync());

    /// <inheritdoc cref="ToDataFrame"/>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual Task<DataFrame> ToDataFrameAsync(CancellationToken cancellationToken = default)
        => throw new UserErrorException(
            $"{Describe()} is a file dataset; only tabular datasets become a DataFrame. Use Download() or Mount() to reach its files, " +
            "or create it with Dataset.Tabular.FromDelimitedFiles.");

    /// <summary>Names this dataset as an input of a run; pass the result (or its <c>AsMount()</c>/<c>AsDownload()</c>) in the script arguments.</summary>
    /// <param name="name">The input name: letters, digits and underscores, not starting with a digit.</param>
    /// <exception cref="UserErrorException">The name is not allowed.</exception>
    public virtual DatasetConsumptionConfig AsNamedInput(string name) => new(name, this, DatasetConsumptionMode.Direct, null);

    /// <summary>
    /// Registers this dataset. The same definition as the latest version of <paramref name="name"/> returns that
    /// version; a changed one needs <paramref name="createNewVersion"/> and becomes the next version.
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The name.</param>
    /// <param name="description">A description.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="createNewVersion">Register a changed definition as a new version of an existing name.</param>
    /// <returns>The registered version, of the same kind as this dataset. This object is not changed.</returns>
    /// <exception cref="UserErrorException">The name exists with another definition and <paramref name="createNewVersion"/> is false.</exception>
    public virtual Dataset Register(Workspace workspace, string name, string? description = null, IReadOnlyDictionary<string, string>? tags = null,
        bool createNewVersion = false)
        => SynchronousCall.Run(() => RegisterAsync(workspace, name, description, tags, createNewVersion));

    /// <inheritdoc cref="Register"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The name.</param>
    /// <param name="description">A description.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="createNewVersion">Register a changed definition as a new version of an existing name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Dataset> RegisterAsync(Workspace workspace, string name, string? description = null,
        IReadOnlyDictionary<string, string>? tags = null, bool createNewVersion = false, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(name, nameof(name));
        var registration = new DatasetRegistration(name, Definition.DatasetType, Definition.ToJson(), description,
            new Dictionary<string, string>(tags ?? new Dictionary<string, string>(), StringComparer.Ordinal), createNewVersion);
        DatasetRecord record = await workspace.Backend.Datasets.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        return FromRecord(workspace, record);
    }

    /// <summary>Removes every version of this dataset's name from its workspace.</summary>
    /// <exception cref="UserErrorException">The dataset is not registered.</exception>
    public virtual void UnregisterAllVersions() => SynchronousCall.Run(() => UnregisterAllVersionsAsync());

    /// <inheritdoc cref="UnregisterAllVersions"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task UnregisterAllVersionsAsync(CancellationToken cancellationToken = default)
    {
        if (_record is null || Workspace is null) throw new UserErrorException("This dataset is not registered, so there are no versions to unregister.");
        await Workspace.Backend.Datasets.UnregisterAllVersionsAsync(_record.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns a registered dataset by name.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The name.</param>
    /// <param name="version"><c>latest</c> (default) or a version number.</param>
    /// <exception cref="UserErrorException">No such dataset or version; the message says what exists.</exception>
    public static Dataset GetByName(Workspace workspace, string name, string version = "latest") => SynchronousCall.Run(() => GetByNameAsync(workspace, name, version));

    /// <inheritdoc cref="GetByName"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">The name.</param>
    /// <param name="version"><c>latest</c> (default) or a version number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Dataset> GetByNameAsync(Workspace workspace, string name, string version = "latest", CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(name, nameof(name));
        long? number = ParseVersion(version);
        DatasetStore store = workspace.Backend.Datasets;
        DatasetRecord? record = await store.GetAsync(name, number, cancellationToken).ConfigureAwait(false);
        if (record is not null) return FromRecord(workspace, record);

        DatasetRecord? latest = number is null ? null : await store.GetAsync(name, null, cancellationToken).ConfigureAwait(false);
        if (latest is not null)
        {
            throw new UserErrorException($"Dataset '{name}' has no version {version}; versions 1 to {latest.Version} exist.") { ErrorCode = AzureMLErrorCode.ResourceNotFound };
        }

        IReadOnlyList<DatasetRecord> all = await store.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        throw new UserErrorException(
            $"Dataset '{name}' is not registered in workspace '{workspace.Name}'. Registered datasets: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(r => r.Name)))}.")
        {
            ErrorCode = AzureMLErrorCode.ResourceNotFound,
        };
    }

    /// <summary>Returns a registered dataset version by id.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="id">The id (<see cref="Id"/>).</param>
    /// <exception cref="UserErrorException">No version has that id.</exception>
    public static Dataset GetById(Workspace workspace, string id) => SynchronousCall.Run(() => GetByIdAsync(workspace, id));

    /// <inheritdoc cref="GetById"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="id">The id (<see cref="Id"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Dataset> GetByIdAsync(Workspace workspace, string id, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(id, nameof(id));
        DatasetRecord record = await workspace.Backend.Datasets.GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new UserErrorException($"No dataset version has id '{id}' in workspace '{workspace.Name}'.");
        return FromRecord(workspace, record);
    }

    /// <summary>The latest version of every registered dataset, by name.</summary>
    /// <param name="workspace">The workspace.</param>
    public static IReadOnlyDictionary<string, Dataset> GetAll(Workspace workspace) => SynchronousCall.Run(() => GetAllAsync(workspace));

    /// <inheritdoc cref="GetAll"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyDictionary<string, Dataset>> GetAllAsync(Workspace workspace, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        IReadOnlyList<DatasetRecord> records = await workspace.Backend.Datasets.ListAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new NamedCollection<Dataset>(records.Select(r => KeyValuePair.Create(r.Name, FromRecord(workspace, r))), "dataset");
    }

    internal static Dataset FromRecord(Workspace workspace, DatasetRecord record)
        => FromDefinition(DatasetDefinition.FromJson(record.DefinitionJson, $"dataset '{record.Name}' version {record.Version}"), workspace, record);

    internal static Dataset FromDefinition(DatasetDefinition definition, Workspace? workspace, DatasetRecord? record) => definition.DatasetType switch
    {
        DatasetDefinition.TabularType => new TabularDataset(definition, workspace, record),
        DatasetDefinition.FileType => new FileDataset(definition, workspace, record),
        _ => throw new AzureMLException($"Dataset type '{definition.DatasetType}' is not known to this SDK; it knows Tabular and File."),
    };

    /// <summary>The definition of this dataset's data as files: itself for a file dataset, its rows as CSV for a tabular one.</summary>
    internal abstract DatasetDefinition FilesDefinition { get; }

    /// <summary>
    /// Copies the dataset's files under <paramref name="target"/>, keeping their relative paths; with
    /// <paramref name="readOnly"/> the copies are marked read-only (a local mount).
    /// </summary>
    internal async Task<IReadOnlyList<string>> CopyFilesAsync(string target, ExistingFilePolicy existing, bool readOnly, CancellationToken cancellationToken)
    {
        using var materialization = new DatasetMaterialization(Workspace);
        IReadOnlyList<DatasetFile> files = await materialization.ListFilesAsync(FilesDefinition, cancellationToken).ConfigureAwait(false);
        List<string> paths = files.Select(f => System.IO.Path.GetFullPath(System.IO.Path.Combine(target, f.RelativePath))).ToList();
        List<FileTransferItem> items = files.Select((f, i) => new FileTransferItem(paths[i], f.Length, f.OpenAsync)).ToList();
        await FileTransfer.CopyAllAsync(items, existing, null, cancellationToken).ConfigureAwait(false);
        if (readOnly)
        {
            foreach (string path in paths) System.IO.File.SetAttributes(path, FileAttributes.ReadOnly);
        }

        return paths;
    }

    private protected string Describe() => Name is null ? $"This {Definition.DatasetType.ToLowerInvariant()} dataset" : $"Dataset '{Name}' (version {Version})";

    private static long? ParseVersion(string version)
    {
        if (string.IsNullOrEmpty(version) || version.Equals("latest", StringComparison.OrdinalIgnoreCase)) return null;
        if (long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0) return number;
        throw new UserErrorException($"Dataset version '{version}' is not valid; use \"latest\" or a version number such as \"2\".");
    }

    /// <inheritdoc />
    public override string ToString()
        => $"{GetType().Name}(name={Name ?? "<unregistered>"}, version={Version?.ToString(CultureInfo.InvariantCulture) ?? "-"}, " +
           $"sources=[{string.Join(", ", Definition.Sources.Select(s => s.Describe()))}])";
}
