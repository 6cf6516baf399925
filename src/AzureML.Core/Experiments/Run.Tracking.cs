using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Run
{
    /// <summary>Logs a scalar metric; logging the same name again makes a series.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="value">A number, string, boolean or null.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="step">An optional step (iteration) number.</param>
    public virtual void Log(string name, object? value, string? description = null, long? step = null)
        => SynchronousCall.Run(() => LogAsync(name, value, description, step));

    /// <inheritdoc cref="Log"/>
    /// <param name="name">The metric name.</param>
    /// <param name="value">A number, string, boolean or null.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="step">An optional step number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task LogAsync(string name, object? value, string? description = null, long? step = null, CancellationToken cancellationToken = default)
        => StoreMetricAsync(name, MetricKind.Scalar, MetricValues.ToJson(value, name), step, description, cancellationToken);

    /// <summary>Logs a list of values under one name.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="values">The values.</param>
    /// <param name="description">An optional description.</param>
    public virtual void LogList(string name, IEnumerable values, string? description = null)
        => SynchronousCall.Run(() => LogListAsync(name, values, description));

    /// <inheritdoc cref="LogList"/>
    /// <param name="name">The metric name.</param>
    /// <param name="values">The values.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task LogListAsync(string name, IEnumerable values, string? description = null, CancellationToken cancellationToken = default)
        => StoreMetricAsync(name, MetricKind.List, MetricValues.ToJsonArray(Argument.NotNull(values, nameof(values)), name), null, description, cancellationToken);

    /// <summary>Logs one row of a table; successive rows under one name build the table.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="row">Column → value.</param>
    /// <param name="description">An optional description.</param>
    public virtual void LogRow(string name, IReadOnlyDictionary<string, object?> row, string? description = null)
        => SynchronousCall.Run(() => LogRowAsync(name, row, description));

    /// <summary>Logs one row of a table from an object's public properties, e.g. <c>new { epoch = 1, loss = 0.3 }</c>.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="row">An object whose properties are the columns.</param>
    /// <param name="description">An optional description.</param>
    public virtual void LogRow(string name, object row, string? description = null)
        => SynchronousCall.Run(() => LogRowAsync(name, PropertiesOf(row), description));

    /// <inheritdoc cref="LogRow(string, IReadOnlyDictionary{string, object?}, string?)"/>
    /// <param name="name">The table name.</param>
    /// <param name="row">Column → value.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task LogRowAsync(string name, IReadOnlyDictionary<string, object?> row, string? description = null, CancellationToken cancellationToken = default)
    {
        var obj = new JsonObject();
        foreach ((string column, object? value) in Argument.NotNull(row, nameof(row))) obj[column] = MetricValues.ToJson(value, name);
        return StoreMetricAsync(name, MetricKind.Row, obj, null, description, cancellationToken);
    }

    /// <summary>Logs a whole table: column → values.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="table">Column → the column's values.</param>
    /// <param name="description">An optional description.</param>
    public virtual void LogTable(string name, IReadOnlyDictionary<string, IEnumerable> table, string? description = null)
        => SynchronousCall.Run(() => LogTableAsync(name, table, description));

    /// <inheritdoc cref="LogTable"/>
    /// <param name="name">The table name.</param>
    /// <param name="table">Column → the column's values.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task LogTableAsync(string name, IReadOnlyDictionary<string, IEnumerable> table, string? description = null, CancellationToken cancellationToken = default)
    {
        var obj = new JsonObject();
        foreach ((string column, IEnumerable values) in Argument.NotNull(table, nameof(table))) obj[column] = MetricValues.ToJsonArray(values, name);
        return StoreMetricAsync(name, MetricKind.Table, obj, null, description, cancellationToken);
    }

    /// <summary>Logs an image file (PNG, JPEG…): the file becomes an artifact and the metric points at it.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="path">The image file.</param>
    /// <param name="description">An optional description.</param>
    public virtual void LogImage(string name, string path, string? description = null)
        => SynchronousCall.Run(() => LogImageAsync(name, path, description));

    /// <inheritdoc cref="LogImage"/>
    /// <param name="name">The metric name.</param>
    /// <param name="path">The image file.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task LogImageAsync(string name, string path, string? description = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        if (!File.Exists(path)) throw new UserErrorException($"LogImage('{name}'): the image file '{Path.GetFullPath(path)}' does not exist.");
        string artifact = $"images/{name}/{Guid.NewGuid():N}{Path.GetExtension(path)}";
        await UploadFileAsync(artifact, path, cancellationToken).ConfigureAwait(false);
        await StoreMetricAsync(name, MetricKind.Image, JsonValue.Create(artifact), null, description, cancellationToken).ConfigureAwait(false);
    }

    private Task StoreMetricAsync(string name, MetricKind kind, JsonNode? value, long? step, string? description, CancellationToken cancellationToken)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        var record = new MetricRecord(name, kind, value, step, DateTimeOffset.UtcNow, description);
        return Workspace.Backend.Runs.LogMetricsAsync(Id, new[] { record }, cancellationToken);
    }

    private static IReadOnlyDictionary<string, object?> PropertiesOf(object row)
    {
        Argument.NotNull(row, nameof(row));
        return row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, p => p.GetValue(row), StringComparer.Ordinal);
    }

    /// <summary>
    /// The run's metrics by name: a scalar logged once gives its value (long, double, bool or string), a
    /// series gives a list, rows and tables give column → values, images give artifact names. A metric
    /// logged as null (Python's <c>None</c>) has a null value.
    /// </summary>
    /// <param name="name">Only this metric.</param>
    /// <param name="recursive">Also child runs: the result is then run id → that run's metrics.</param>
    public virtual IReadOnlyDictionary<string, object> GetMetrics(string? name = null, bool recursive = false)
        => SynchronousCall.Run(() => GetMetricsAsync(name, recursive));

    /// <inheritdoc cref="GetMetrics"/>
    /// <param name="name">Only this metric.</param>
    /// <param name="recursive">Also child runs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyDictionary<string, object>> GetMetricsAsync(string? name = null, bool recursive = false, CancellationToken cancellationToken = default)
    {
        if (!recursive)
        {
            return MetricValues.Fold(await Workspace.Backend.Runs.GetMetricsAsync(Id, name, cancellationToken).ConfigureAwait(false))!;
        }

        var byRun = new Dictionary<string, object>(StringComparer.Ordinal);
        var pending = new Queue<string>(new[] { Id });
        while (pending.Count > 0)
        {
            string runId = pending.Dequeue();
            byRun[runId] = MetricValues.Fold(await Workspace.Backend.Runs.GetMetricsAsync(runId, name, cancellationToken).ConfigureAwait(false));
            IReadOnlyList<RunRecord> children = await Workspace.Backend.Runs.ListAsync(new RunQuery { ParentRunId = runId, IncludeChildren = true }, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (RunRecord child in children) pending.Enqueue(child.RunId);
        }

        return byRun;
    }

    /// <summary>Sets one tag; a tag without a value is stored with an empty value.</summary>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    public virtual void Tag(string key, string? value = null)
        => SetTags(new Dictionary<string, string> { [Argument.NotNullOrEmpty(key, nameof(key))] = value ?? "" });

    /// <summary>Adds or replaces tags.</summary>
    /// <param name="tags">The tags.</param>
    public virtual void SetTags(IReadOnlyDictionary<string, string> tags) => SynchronousCall.Run(() => SetTagsAsync(tags));

    /// <inheritdoc cref="SetTags"/>
    /// <param name="tags">The tags.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task SetTagsAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        await Workspace.Backend.Runs.UpdateTagsAsync(Id, Argument.NotNull(tags, nameof(tags)), Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes tags by key.</summary>
    /// <param name="keys">The keys.</param>
    public virtual void RemoveTags(IEnumerable<string> keys) => SynchronousCall.Run(() => RemoveTagsAsync(keys));

    /// <inheritdoc cref="RemoveTags"/>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task RemoveTagsAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        await Workspace.Backend.Runs.UpdateTagsAsync(Id, new Dictionary<string, string>(), Argument.NotNull(keys, nameof(keys)).ToList(), cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the tags from the workspace.</summary>
    public virtual IReadOnlyDictionary<string, string> GetTags()
    {
        SynchronousCall.Run(() => RefreshAsync(CancellationToken.None));
        return Tags;
    }

    /// <summary>Adds properties. Properties are immutable: setting a key again to a different value is refused.</summary>
    /// <param name="properties">The properties.</param>
    /// <exception cref="UserErrorException">A key already holds a different value.</exception>
    public virtual void AddProperties(IReadOnlyDictionary<string, string> properties) => SynchronousCall.Run(() => AddPropertiesAsync(properties));

    /// <inheritdoc cref="AddProperties"/>
    /// <param name="properties">The properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task AddPropertiesAsync(IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        await Workspace.Backend.Runs.AddPropertiesAsync(Id, Argument.NotNull(properties, nameof(properties)), cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the properties from the workspace.</summary>
    public virtual IReadOnlyDictionary<string, string> GetProperties()
    {
        SynchronousCall.Run(() => RefreshAsync(CancellationToken.None));
        return Properties;
    }

    /// <summary>Sets the display name.</summary>
    /// <param name="displayName">The new display name.</param>
    public virtual void SetDisplayName(string displayName) => SynchronousCall.Run(() => SetDisplayNameAsync(displayName));

    /// <inheritdoc cref="SetDisplayName"/>
    /// <param name="displayName">The new display name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task SetDisplayNameAsync(string displayName, CancellationToken cancellationToken = default)
    {
        await Workspace.Backend.Runs.SetDisplayNameAsync(Id, Argument.NotNullOrEmpty(displayName, nameof(displayName)), cancellationToken).ConfigureAwait(false);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }
}
