using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Model
{
    /// <summary>
    /// Registers a local file or folder as the next version of <paramref name="modelName"/> (1 for a new
    /// name). The files are copied into the workspace; a folder keeps its name and structure.
    /// </summary>
    /// <param name="workspace">The workspace to register in.</param>
    /// <param name="modelPath">A model file, or a folder of model files.</param>
    /// <param name="modelName">Letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit, at most 255 characters.</param>
    /// <param name="tags">Tags; they can be changed later.</param>
    /// <param name="properties">Properties; they cannot be changed once set.</param>
    /// <param name="description">A description.</param>
    /// <param name="modelFramework">One of <see cref="Framework"/>'s values; default <see cref="Framework.Custom"/>.</param>
    /// <param name="modelFrameworkVersion">The framework version, e.g. <c>0.19.1</c>.</param>
    /// <param name="resourceConfiguration">The resources the model needs to score.</param>
    /// <param name="childPaths">Only these files or sub-folders of the <paramref name="modelPath"/> folder, relative to it.</param>
    /// <param name="datasets">Registered datasets the model relates to, by scenario (e.g. <c>("training", ds)</c>).</param>
    /// <param name="sampleInputDataset">A registered dataset with sample inputs.</param>
    /// <param name="sampleOutputDataset">A registered dataset with sample outputs.</param>
    /// <returns>The registered version.</returns>
    /// <exception cref="UserErrorException">The name is not valid, the path does not exist or has no files, or a dataset is not registered.</exception>
    public static Model Register(Workspace workspace, string modelPath, string modelName, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, string>? properties = null, string? description = null, string? modelFramework = null, string? modelFrameworkVersion = null,
        ResourceConfiguration? resourceConfiguration = null, IReadOnlyList<string>? childPaths = null,
        IEnumerable<(string Scenario, Data.Dataset Dataset)>? datasets = null, Data.Dataset? sampleInputDataset = null, Data.Dataset? sampleOutputDataset = null)
        => SynchronousCall.Run(() => RegisterAsync(workspace, modelPath, modelName, tags, properties, description, modelFramework, modelFrameworkVersion, resourceConfiguration, childPaths,
            datasets, sampleInputDataset, sampleOutputDataset));

    /// <inheritdoc cref="Register"/>
    /// <param name="workspace">The workspace to register in.</param>
    /// <param name="modelPath">A model file, or a folder of model files.</param>
    /// <param name="modelName">The model name.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="properties">Properties.</param>
    /// <param name="description">A description.</param>
    /// <param name="modelFramework">The framework.</param>
    /// <param name="modelFrameworkVersion">The framework version.</param>
    /// <param name="resourceConfiguration">The resources the model needs to score.</param>
    /// <param name="childPaths">Only these files or sub-folders of the folder.</param>
    /// <param name="datasets">Registered datasets the model relates to, by scenario.</param>
    /// <param name="sampleInputDataset">A registered dataset with sample inputs.</param>
    /// <param name="sampleOutputDataset">A registered dataset with sample outputs.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is registered when it is canceled.</param>
    public static async Task<Model> RegisterAsync(Workspace workspace, string modelPath, string modelName, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, string>? properties = null, string? description = null, string? modelFramework = null, string? modelFrameworkVersion = null,
        ResourceConfiguration? resourceConfiguration = null, IReadOnlyList<string>? childPaths = null,
        IEnumerable<(string Scenario, Data.Dataset Dataset)>? datasets = null, Data.Dataset? sampleInputDataset = null, Data.Dataset? sampleOutputDataset = null,
        CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(modelPath, nameof(modelPath));
        properties = ModelDatasets.AddTo(properties, datasets, sampleInputDataset, sampleOutputDataset);
        return await RegisterAsync(workspace, new ModelRegistration
        {
            Name = ModelNames.Validate(modelName),
            Files = ModelFiles.FromLocalPath(modelPath, childPaths),
            Framework = modelFramework ?? Framework.Custom,
            FrameworkVersion = modelFrameworkVersion,
            Description = description,
            ResourceConfiguration = resourceConfiguration,
            Tags = tags ?? new Dictionary<string, string>(),
            Properties = properties ?? new Dictionary<string, string>(),
        }, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<Model> RegisterAsync(Workspace workspace, ModelRegistration registration, CancellationToken cancellationToken)
        => new(workspace, await workspace.Backend.Models.RegisterAsync(registration, cancellationToken).ConfigureAwait(false));

    /// <summary>Lists registered models, by name then newest version first. Every filter that is given must match.</summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">Only versions of this name.</param>
    /// <param name="tags">Only models with these tags; a <c>null</c> value matches any value of the key.</param>
    /// <param name="properties">Only models with these properties; a <c>null</c> value matches any value of the key.</param>
    /// <param name="runId">Only models registered from this run.</param>
    /// <param name="latest">Only the newest matching version of each name.</param>
    /// <param name="modelFramework">Only models of this framework.</param>
    public static IReadOnlyList<Model> List(Workspace workspace, string? name = null, IReadOnlyDictionary<string, string?>? tags = null,
        IReadOnlyDictionary<string, string?>? properties = null, string? runId = null, bool latest = false, string? modelFramework = null)
        => SynchronousCall.Run(() => ListAsync(workspace, name, tags, properties, runId, latest, modelFramework));

    /// <inheritdoc cref="List"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="name">Only versions of this name.</param>
    /// <param name="tags">Only models with these tags.</param>
    /// <param name="properties">Only models with these properties.</param>
    /// <param name="runId">Only models registered from this run.</param>
    /// <param name="latest">Only the newest matching version of each name.</param>
    /// <param name="modelFramework">Only models of this framework.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<IReadOnlyList<Model>> ListAsync(Workspace workspace, string? name = null, IReadOnlyDictionary<string, string?>? tags = null,
        IReadOnlyDictionary<string, string?>? properties = null, string? runId = null, bool latest = false, string? modelFramework = null,
        CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        var query = new ModelQuery { Name = name, Tags = tags, Properties = properties, RunId = runId, Latest = latest, Framework = modelFramework };
        IReadOnlyList<ModelRecord> records = await workspace.Backend.Models.ListAsync(query, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.Select(record => new Model(workspace, record)).ToList();
    }
}
