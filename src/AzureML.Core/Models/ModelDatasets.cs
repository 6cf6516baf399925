using AzureML.Core.Data;

namespace AzureML.Core;

/// <summary>
/// The datasets a model is registered with, kept as model properties (dataset ids) so every backend can
/// store them: <c>azureml.datasets.&lt;scenario&gt;</c>, <c>azureml.sampleInputDatasetId</c>,
/// <c>azureml.sampleOutputDatasetId</c>.
/// </summary>
internal static class ModelDatasets
{
    public const string ScenarioPrefix = "azureml.datasets.";
    public const string SampleInput = "azureml.sampleInputDatasetId";
    public const string SampleOutput = "azureml.sampleOutputDatasetId";

    public static IReadOnlyDictionary<string, string>? AddTo(IReadOnlyDictionary<string, string>? properties,
        IEnumerable<(string Scenario, Dataset Dataset)>? datasets, Dataset? sampleInput, Dataset? sampleOutput)
    {
        if (datasets is null && sampleInput is null && sampleOutput is null) return properties;
        var all = new Dictionary<string, string>(properties ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach ((string scenario, Dataset dataset) in datasets ?? Array.Empty<(string, Dataset)>())
        {
            if (string.IsNullOrWhiteSpace(scenario)) throw new UserErrorException("Each model dataset needs a scenario name, e.g. (\"training\", dataset).");
            all[ScenarioPrefix + scenario] = IdOf(dataset, $"dataset for scenario '{scenario}'");
        }

        if (sampleInput is not null) all[SampleInput] = IdOf(sampleInput, "sampleInputDataset");
        if (sampleOutput is not null) all[SampleOutput] = IdOf(sampleOutput, "sampleOutputDataset");
        return all;
    }

    private static string IdOf(Dataset dataset, string what)
        => dataset.Id ?? throw new UserErrorException($"The {what} is not registered; call dataset.Register(ws, name) before registering the model with it.");
}
