using AzureML.Core.Data;

namespace AzureML.Core;

public partial class Model
{
    /// <summary>The datasets the model was registered with, by scenario (e.g. <c>training</c>).</summary>
    public virtual IReadOnlyDictionary<string, Dataset> Datasets => Properties
        .Where(p => p.Key.StartsWith(ModelDatasets.ScenarioPrefix, StringComparison.Ordinal))
        .ToDictionary(p => p.Key[ModelDatasets.ScenarioPrefix.Length..], p => Dataset.GetById(Workspace, p.Value), StringComparer.Ordinal);

    /// <summary>The dataset with sample inputs the model was registered with, or <c>null</c>.</summary>
    public virtual Dataset? SampleInputDataset => Properties.TryGetValue(ModelDatasets.SampleInput, out string? id) ? Dataset.GetById(Workspace, id) : null;

    /// <summary>The dataset with sample outputs the model was registered with, or <c>null</c>.</summary>
    public virtual Dataset? SampleOutputDataset => Properties.TryGetValue(ModelDatasets.SampleOutput, out string? id) ? Dataset.GetById(Workspace, id) : null;
}
