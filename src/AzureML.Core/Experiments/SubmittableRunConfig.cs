namespace AzureML.Core;

/// <summary>
/// A configuration <see cref="Experiment.Submit"/> can run: <see cref="ScriptRunConfig"/>, and the configurations
/// other packages add (AutoML's <c>AutoMLConfig</c>). As in azureml-core, submitting dispatches on the kind of
/// configuration, and each kind decides how its run is created and started.
/// </summary>
public abstract class SubmittableRunConfig
{
    /// <summary>Creates the run in <paramref name="experiment"/> and starts it; returns as soon as the run exists.</summary>
    /// <param name="experiment">The experiment the run belongs to.</param>
    /// <param name="tags">Tags to put on the run.</param>
    /// <param name="cancellationToken">Cancels the submission (not the run once it exists).</param>
    /// <returns>The new run, of the kind that suits the configuration.</returns>
    protected internal abstract Task<Run> SubmitAsync(Experiment experiment, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken);
}
