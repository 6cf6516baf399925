using System.Text.RegularExpressions;
using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// A named group of runs in a workspace. Constructing one gets the experiment, creating it when it does not
/// exist, as azureml-core does.
/// </summary>
public partial class Experiment
{
    /// <summary>The shortest allowed experiment name.</summary>
    public const int NameMinLength = 1;

    /// <summary>The longest allowed experiment name.</summary>
    public const int NameMaxLength = 255;

    private ExperimentRecord _record;

    /// <summary>Gets the experiment named <paramref name="name"/>, creating it when it does not exist.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">1–255 characters; the first alphanumeric, the rest letters, digits, <c>-</c> or <c>_</c>.</param>
    /// <exception cref="UserErrorException">The name breaks the rule.</exception>
    public Experiment(Workspace workspace, string name)
    {
        Workspace = Argument.NotNull(workspace, nameof(workspace));
        ValidateName(name);
        _record = SynchronousCall.Run(() => workspace.Backend.Experiments.GetOrCreateAsync(name, CancellationToken.None));
    }

    /// <summary>
    /// Gets the experiment named <paramref name="name"/>, creating it when it does not exist: the asynchronous twin of
    /// <see cref="Experiment(Workspace, string)"/>, for code that must not block on the service.
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">1–255 characters; the first alphanumeric, the rest letters, digits, <c>-</c> or <c>_</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="UserErrorException">The name breaks the rule.</exception>
    public static async Task<Experiment> GetOrCreateAsync(Workspace workspace, string name, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        ValidateName(name);
        return new Experiment(workspace, await workspace.Backend.Experiments.GetOrCreateAsync(name, cancellationToken).ConfigureAwait(false));
    }

    internal Experiment(Workspace workspace, ExperimentRecord record)
    {
        Workspace = workspace;
        _record = record;
    }

    /// <summary>For mocking.</summary>
    protected Experiment()
    {
        Workspace = null!;
        _record = null!;
    }

    /// <summary>The workspace the experiment belongs to.</summary>
    public virtual Workspace Workspace { get; }

    /// <summary>The experiment name.</summary>
    public virtual string Name => _record.Name;

    /// <summary>The experiment id.</summary>
    public virtual string Id => _record.Id;

    /// <summary>The experiment's tags, as last read.</summary>
    public virtual IReadOnlyDictionary<string, string> Tags => _record.Tags;

    /// <summary>When the experiment was archived, or <c>null</c> when it is active.</summary>
    public virtual DateTimeOffset? ArchivedTime => _record.ArchivedTime;

    /// <summary>
    /// Checks a name against azureml-core's rule: 1–255 characters, the first alphanumeric, the rest
    /// letters, digits, hyphens or underscores, no whitespace.
    /// </summary>
    /// <param name="name">The name to check.</param>
    /// <exception cref="UserErrorException">The name breaks the rule; the message states it.</exception>
    public static void ValidateName(string? name)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new UserErrorException(
                $"Experiment name '{name}' is not valid. Experiment name must be between {NameMinLength} and {NameMaxLength} characters long. " +
                "Its first character has to be alphanumeric, and the rest may contain hyphens and underscores. No whitespace is allowed.");
        }
    }

    /// <summary>
    /// Submits a run and returns without waiting for it. A <see cref="ScriptRunConfig"/> snapshots its source
    /// directory (limits checked first) and starts the script; other configurations (AutoML's) start their own
    /// kind of run, and the returned <see cref="Run"/> is of that kind.
    /// </summary>
    /// <param name="config">What to run and where.</param>
    /// <param name="tags">Tags to put on the run.</param>
    /// <returns>The new run.</returns>
    public virtual Run Submit(SubmittableRunConfig config, IReadOnlyDictionary<string, string>? tags = null)
        => SynchronousCall.Run(() => SubmitAsync(config, tags));

    /// <inheritdoc cref="Submit(SubmittableRunConfig, IReadOnlyDictionary{string, string}?)"/>
    /// <param name="config">What to run and where.</param>
    /// <param name="tags">Tags to put on the run.</param>
    /// <param name="cancellationToken">Cancels the submission (not the run once it exists).</param>
    public virtual Task<Run> SubmitAsync(SubmittableRunConfig config, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
        => Argument.NotNull(config, nameof(config)).SubmitAsync(this, tags, cancellationToken);

    /// <summary>
    /// Starts an interactive run: a run in <c>Running</c> that the calling code logs to and ends with
    /// <see cref="Run.Complete()"/> or <see cref="Run.Fail(string?, string?)"/>.
    /// </summary>
    /// <param name="displayName">An optional display name.</param>
    public virtual Run StartLogging(string? displayName = null) => SynchronousCall.Run(() => StartLoggingAsync(displayName));

    /// <inheritdoc cref="StartLogging(string?)"/>
    /// <param name="displayName">An optional display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Run> StartLoggingAsync(string? displayName = null, CancellationToken cancellationToken = default)
    {
        RunStore runs = Workspace.Backend.Runs;
        RunRecord record = await runs.CreateAsync(new RunCreateRequest
        {
            ExperimentName = Name,
            DisplayName = displayName,
            RunType = "interactive",
            Target = "local",
            Start = true,
        }, cancellationToken).ConfigureAwait(false);
        return Run.FromRecord(Workspace, record);
    }

    /// <summary>Lists the experiment's runs, newest first.</summary>
    /// <param name="type">Only runs of this type (<c>azureml.scriptrun</c>, <c>interactive</c>, <c>automl</c>…).</param>
    /// <param name="tags">Only runs with these tags; a <c>null</c> value matches any value of the key.</param>
    /// <param name="properties">Only runs with these properties; a <c>null</c> value matches any value.</param>
    /// <param name="includeChildren">Include child runs.</param>
    /// <param name="status">Only runs in this status.</param>
    public virtual IReadOnlyList<Run> GetRuns(string? type = null, IReadOnlyDictionary<string, string?>? tags = null,
        IReadOnlyDictionary<string, string?>? properties = null, bool includeChildren = false, RunStatus? status = null)
        => SynchronousCall.Run(() => GetRunsAsync(type, tags, properties, includeChildren, status));

    /// <inheritdoc cref="GetRuns"/>
    /// <param name="type">Only runs of this type.</param>
    /// <param name="tags">Only runs with these tags.</param>
    /// <param name="properties">Only runs with these properties.</param>
    /// <param name="includeChildren">Include child runs.</param>
    /// <param name="status">Only runs in this status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Run>> GetRunsAsync(string? type = null, IReadOnlyDictionary<string, string?>? tags = null,
        IReadOnlyDictionary<string, string?>? properties = null, bool includeChildren = false, RunStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<RunRecord> records = await Workspace.Backend.Runs.ListAsync(new RunQuery
        {
            ExperimentName = Name,
            RunType = type,
            Tags = tags,
            Properties = properties,
            IncludeChildren = includeChildren,
            Status = status?.ToString(),
        }, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.Select(r => Run.FromRecord(Workspace, r)).ToList();
    }

    /// <summary>Archives the experiment: it no longer shows in <see cref="Workspace.Experiments"/>.</summary>
    public virtual void Archive() => SynchronousCall.Run(() => ArchiveAsync());

    /// <inheritdoc cref="Archive"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task ArchiveAsync(CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Experiments.SetArchivedAsync(Name, true, cancellationToken).ConfigureAwait(false);

    /// <summary>Makes an archived experiment active again.</summary>
    public virtual void Reactivate() => SynchronousCall.Run(() => ReactivateAsync());

    /// <inheritdoc cref="Reactivate"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task ReactivateAsync(CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Experiments.SetArchivedAsync(Name, false, cancellationToken).ConfigureAwait(false);

    /// <summary>Sets one tag; a tag without a value is stored with an empty value.</summary>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    public virtual void Tag(string key, string? value = null) => SetTags(new Dictionary<string, string> { [key] = value ?? "" });

    /// <summary>Adds or replaces tags.</summary>
    /// <param name="tags">The tags.</param>
    public virtual void SetTags(IReadOnlyDictionary<string, string> tags)
        => _record = SynchronousCall.Run(() => Workspace.Backend.Experiments.UpdateTagsAsync(Name, tags, Array.Empty<string>(), CancellationToken.None));

    /// <summary>Removes tags by key.</summary>
    /// <param name="keys">The keys to remove.</param>
    public virtual void RemoveTags(IEnumerable<string> keys)
        => _record = SynchronousCall.Run(() => Workspace.Backend.Experiments.UpdateTagsAsync(Name, new Dictionary<string, string>(), keys.ToList(), CancellationToken.None));

    /// <inheritdoc />
    public override string ToString() => $"Experiment(Name: {Name}, Workspace: {Workspace.Name})";

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,254}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
