using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Run
{
    /// <summary>
    /// Registers files of this run as the next version of <paramref name="modelName"/>, recording the run id
    /// and experiment name on the model. The files are registered where the run stored them: nothing is
    /// downloaded and uploaded again. <paramref name="modelPath"/> names one file
    /// (<c>outputs/model.joblib</c>, stored as <c>model.joblib</c>) or a folder (<c>outputs/</c> or
    /// <c>./outputs/</c>, stored as <c>outputs/…</c>).
    /// </summary>
    /// <param name="modelName">Letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit, at most 255 characters.</param>
    /// <param name="modelPath">A file or folder among the run's files (<see cref="GetFileNames"/>).</param>
    /// <param name="tags">Tags; they can be changed later.</param>
    /// <param name="properties">Properties; they cannot be changed once set.</param>
    /// <param name="modelFramework">One of <see cref="Model.Framework"/>'s values; default <see cref="Model.Framework.Custom"/>.</param>
    /// <param name="modelFrameworkVersion">The framework version, e.g. <c>0.19.1</c>.</param>
    /// <param name="description">A description.</param>
    /// <param name="resourceConfiguration">The resources the model needs to score.</param>
    /// <returns>The registered version.</returns>
    /// <exception cref="UserErrorException">The run has no such file or folder (the message lists what it has), the name is not valid, or the run is offline.</exception>
    public virtual Model RegisterModel(string modelName, string modelPath, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, string>? properties = null, string? modelFramework = null, string? modelFrameworkVersion = null, string? description = null,
        ResourceConfiguration? resourceConfiguration = null)
        => SynchronousCall.Run(() => RegisterModelAsync(modelName, modelPath, tags, properties, modelFramework, modelFrameworkVersion, description, resourceConfiguration));

    /// <inheritdoc cref="RegisterModel"/>
    /// <param name="modelName">The model name.</param>
    /// <param name="modelPath">A file or folder among the run's files.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="properties">Properties.</param>
    /// <param name="modelFramework">The framework.</param>
    /// <param name="modelFrameworkVersion">The framework version.</param>
    /// <param name="description">A description.</param>
    /// <param name="resourceConfiguration">The resources the model needs to score.</param>
    /// <param name="cancellationToken">Cancels the call; nothing is registered when it is canceled.</param>
    public virtual async Task<Model> RegisterModelAsync(string modelName, string modelPath, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, string>? properties = null, string? modelFramework = null, string? modelFrameworkVersion = null, string? description = null,
        ResourceConfiguration? resourceConfiguration = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNullOrEmpty(modelPath, nameof(modelPath));
        if (IsOffline)
        {
            throw new UserErrorException(
                $"RegisterModel('{modelName}') was called on an offline run, which keeps its files nowhere. Register local files with Model.Register(workspace, path, name) instead.");
        }

        return await Model.RegisterAsync(Workspace, new ModelRegistration
        {
            Name = ModelNames.Validate(modelName),
            RunFiles = new RunFilesReference(Id, NormalizeArtifactName(modelPath)),
            Framework = modelFramework ?? Model.Framework.Custom,
            FrameworkVersion = modelFrameworkVersion,
            Description = description,
            ResourceConfiguration = resourceConfiguration,
            RunId = Id,
            ExperimentName = _record.ExperimentName,
            Tags = tags ?? new Dictionary<string, string>(),
            Properties = properties ?? new Dictionary<string, string>(),
        }, cancellationToken).ConfigureAwait(false);
    }
}
