using AzureML.Core.Backends;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Run
{
    /// <summary>
    /// The datasets this run received, by input name: the local path each was mounted or downloaded to, as the
    /// script saw it in <c>run.input_datasets</c>. Readable from any process once the run has started.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string> InputDatasets => SynchronousCall.Run(() => GetInputDatasetsAsync());

    /// <inheritdoc cref="InputDatasets"/>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyDictionary<string, string>> GetInputDatasetsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<RunInputRecord> inputs = await Workspace.Backend.Datasets.GetRunInputsAsync(Id, cancellationToken).ConfigureAwait(false);
        return inputs.ToDictionary(i => i.Name, i => i.Path, StringComparer.Ordinal);
    }
}
