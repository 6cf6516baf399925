using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// A registered model version: files plus name, version, framework, tags, properties and the run that
/// produced it. Register one with <see cref="Register"/> or <see cref="Run.RegisterModel"/>, look one up
/// with the constructor. Mirrors <c>azureml.core.Model</c>.
/// </summary>
public partial class Model
{
    private ModelRecord _record;

    internal Model(Workspace workspace, ModelRecord record)
    {
        Workspace = workspace;
        _record = record;
    }

    /// <summary>
    /// Looks up a registered model by name (the latest version unless <paramref name="version"/> is given)
    /// or by <paramref name="id"/> (<c>name:version</c>).
    /// </summary>
    /// <param name="workspace">The workspace it is registered in.</param>
    /// <param name="name">The model name.</param>
    /// <param name="id">The model id, <c>name:version</c>; an alternative to <paramref name="name"/> and <paramref name="version"/>.</param>
    /// <param name="version">The version; default the latest.</param>
    /// <exception cref="ModelNotFoundException">No such model or version; the message lists what is registered.</exception>
    public Model(Workspace workspace, string? name = null, string? id = null, int? version = null)
        : this(workspace, SynchronousCall.Run(() => FindAsync(workspace, name, id, version, CancellationToken.None)))
    {
    }

    /// <summary>For mocking.</summary>
    protected Model()
    {
        Workspace = null!;
        _record = null!;
    }

    /// <summary>The workspace the model is registered in.</summary>
    public virtual Workspace Workspace { get; }

    /// <summary>The model name.</summary>
    public virtual string Name => _record.Name;

    /// <summary>The version: 1 for the first registration of a name, then 2, 3, ….</summary>
    public virtual int Version => _record.Version;

    /// <summary>The id, <c>name:version</c>.</summary>
    public virtual string Id => ModelNames.FormatId(Name, Version);

    /// <summary>The tags as last read.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => _record.Tags;

    /// <summary>The properties as last read.</summary>
    public virtual IReadOnlyDictionary<string, string> Properties => _record.Properties;

    /// <summary>The description, when one was given.</summary>
    public virtual string? Description => _record.Description;

    /// <summary>When the version was registered (UTC).</summary>
    public virtual DateTimeOffset CreatedTime => _record.CreatedTime;

    /// <summary>The framework, one of <see cref="Framework"/>'s values; <see cref="Framework.Custom"/> unless given.</summary>
    public virtual string ModelFramework => _record.Framework;

    /// <summary>The framework version, when one was given.</summary>
    public virtual string? ModelFrameworkVersion => _record.FrameworkVersion;

    /// <summary>The run the model was registered from, or <c>null</c> for a model registered from local files.</summary>
    public virtual string? RunId => _record.RunId;

    /// <summary>The experiment of <see cref="RunId"/>, or <c>null</c>.</summary>
    public virtual string? ExperimentName => _record.ExperimentName;

    /// <summary>The resources the model needs to score, when given.</summary>
    public virtual ResourceConfiguration? ResourceConfiguration => _record.ResourceConfiguration;

    /// <summary>Where the workspace keeps the files: a <c>file://</c> folder for a local workspace.</summary>
    public virtual string Url => _record.Url;

    /// <summary>The model's files as relative, forward-slash names (<c>model.pkl</c>, or <c>outputs/…</c> for a registered folder).</summary>
    public virtual IReadOnlyList<string> Files => _record.Files;

    /// <summary>Looks up a registered model; the asynchronous form of the constructor.</summary>
    /// <param name="workspace">The workspace it is registered in.</param>
    /// <param name="name">The model name.</param>
    /// <param name="id">The model id, <c>name:version</c>.</param>
    /// <param name="version">The version; default the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    public static async Task<Model> GetAsync(Workspace workspace, string? name = null, string? id = null, int? version = null, CancellationToken cancellationToken = default)
        => new(workspace, await FindAsync(workspace, name, id, version, cancellationToken).ConfigureAwait(false));

    private static async Task<ModelRecord> FindAsync(Workspace workspace, string? name, string? id, int? version, CancellationToken cancellationToken)
    {
        Argument.NotNull(workspace, nameof(workspace));
        (string modelName, int? modelVersion) = ModelNames.Resolve(name, id, version);
        ModelStore store = workspace.Backend.Models;
        return await store.GetAsync(modelName, modelVersion, cancellationToken).ConfigureAwait(false)
            ?? throw await NotFoundAsync(store, modelName, modelVersion, cancellationToken).ConfigureAwait(false);
    }

    // A not-found message lists what exists, but only a page of it: a service may hold thousands.
    private const int MaxNamesInMessages = 20;

    private static async Task<ModelNotFoundException> NotFoundAsync(ModelStore store, string name, int? version, CancellationToken cancellationToken)
    {
        IReadOnlyList<ModelRecord> versions = await store.ListAsync(new ModelQuery { Name = name }, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (versions.Count > 0)
        {
            string existing = string.Join(", ", versions.Select(v => v.Version).Order());
            return new ModelNotFoundException($"Model '{name}' has no version {version}; registered versions: {existing}.", name, version);
        }

        IReadOnlyList<ModelRecord> latest = await store.ListAsync(new ModelQuery { Latest = true }, cancellationToken).Take(MaxNamesInMessages + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        string names = latest.Count == 0 ? "none yet"
            : string.Join(", ", latest.Take(MaxNamesInMessages).Select(m => $"'{m.Name}'")) + (latest.Count > MaxNamesInMessages ? ", …" : "");
        return new ModelNotFoundException(
            $"No model named '{name}' is registered in this workspace. Registered models: {names}. Register one with Model.Register or Run.RegisterModel.", name, version);
    }

    /// <inheritdoc />
    public override string ToString() => $"Model(Name: {Name}, Version: {Version}, Framework: {ModelFramework})";
}
