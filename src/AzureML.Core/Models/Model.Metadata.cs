using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Model
{
    /// <summary>Adds or replaces tags.</summary>
    /// <param name="tags">The tags.</param>
    public virtual void AddTags(IReadOnlyDictionary<string, string> tags) => SynchronousCall.Run(() => AddTagsAsync(tags));

    /// <inheritdoc cref="AddTags"/>
    /// <param name="tags">The tags.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task AddTagsAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Models.UpdateTagsAsync(Name, Version, Argument.NotNull(tags, nameof(tags)), Array.Empty<string>(), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Removes tags by key; keys that are not there are ignored.</summary>
    /// <param name="keys">The keys.</param>
    public virtual void RemoveTags(IEnumerable<string> keys) => SynchronousCall.Run(() => RemoveTagsAsync(keys));

    /// <inheritdoc cref="RemoveTags"/>
    /// <param name="keys">The keys.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task RemoveTagsAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Models.UpdateTagsAsync(Name, Version, new Dictionary<string, string>(), Argument.NotNull(keys, nameof(keys)).ToList(),
            cancellationToken).ConfigureAwait(false);

    /// <summary>Adds properties. Properties are immutable: setting a key again to a different value is refused.</summary>
    /// <param name="properties">The properties.</param>
    /// <exception cref="UserErrorException">A key already holds a different value.</exception>
    public virtual void AddProperties(IReadOnlyDictionary<string, string> properties) => SynchronousCall.Run(() => AddPropertiesAsync(properties));

    /// <inheritdoc cref="AddProperties"/>
    /// <param name="properties">The properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task AddPropertiesAsync(IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Models.AddPropertiesAsync(Name, Version, Argument.NotNull(properties, nameof(properties)), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Changes the given fields; a <c>null</c> argument leaves its field as it is.</summary>
    /// <param name="tags">Replaces all tags (use <see cref="AddTags"/> to merge).</param>
    /// <param name="description">The new description.</param>
    /// <param name="resourceConfiguration">The new resource configuration.</param>
    public virtual void Update(IReadOnlyDictionary<string, string>? tags = null, string? description = null, ResourceConfiguration? resourceConfiguration = null)
        => SynchronousCall.Run(() => UpdateAsync(tags, description, resourceConfiguration));

    /// <inheritdoc cref="Update"/>
    /// <param name="tags">Replaces all tags.</param>
    /// <param name="description">The new description.</param>
    /// <param name="resourceConfiguration">The new resource configuration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task UpdateAsync(IReadOnlyDictionary<string, string>? tags = null, string? description = null, ResourceConfiguration? resourceConfiguration = null,
        CancellationToken cancellationToken = default)
        => _record = await Workspace.Backend.Models.UpdateAsync(Name, Version,
            new ModelUpdate { Tags = tags, Description = description, ResourceConfiguration = resourceConfiguration }, cancellationToken).ConfigureAwait(false);

    /// <summary>Removes this version and its files from the workspace; other versions stay, and its number is not given out again.</summary>
    public virtual void Delete() => SynchronousCall.Run(() => DeleteAsync());

    /// <inheritdoc cref="Delete"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => Workspace.Backend.Models.DeleteAsync(Name, Version, cancellationToken);

    /// <summary>
    /// The model in the form <c>az ml model register -t registeredmodel.json</c> writes: <c>createdTime</c>,
    /// <c>description</c>, <c>experimentName</c>, <c>framework</c>, <c>frameworkVersion</c>, <c>id</c>,
    /// <c>name</c>, <c>properties</c>, <c>runId</c>, <c>tags</c>, <c>version</c>.
    /// </summary>
    /// <returns>Indented JSON.</returns>
    public virtual string Serialize()
    {
        var json = new JsonObject
        {
            ["createdTime"] = CreatedTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture),
            ["description"] = Description ?? "",
            ["experimentName"] = ExperimentName,
            ["framework"] = ModelFramework,
            ["frameworkVersion"] = ModelFrameworkVersion,
            ["id"] = Id,
            ["name"] = Name,
            ["properties"] = ToJson(Properties),
            ["runId"] = RunId,
            ["tags"] = ToJson(Tags),
            ["version"] = Version,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> pairs)
        => new(pairs.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));
}
