using System.Text.RegularExpressions;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

/// <summary>
/// A dataset named as a run input, and how the run receives it. Put it in the script arguments: it is replaced
/// by the data's local path when the run starts, and <c>run.input_datasets["name"]</c> (Python) or the variable
/// <c>name</c> give the same path; a tabular dataset received directly (neither mounted nor downloaded) is a
/// <c>TabularDataset</c> in <c>run.input_datasets</c>, as in azureml. Its text form is the placeholder
/// <c>DatasetConsumptionConfig:&lt;name&gt;</c>, as azureml writes it in <c>.runconfig</c> arguments.
/// </summary>
public sealed class DatasetConsumptionConfig
{
    /// <summary>The text that precedes the input name in an argument placeholder.</summary>
    public const string PlaceholderPrefix = "DatasetConsumptionConfig:";

    private static readonly Regex s_name = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    internal DatasetConsumptionConfig(string name, Dataset dataset, DatasetConsumptionMode mode, string? pathOnCompute)
    {
        Argument.NotNullOrEmpty(name, nameof(name));
        if (!s_name.IsMatch(name))
        {
            throw new UserErrorException(
                $"Input name '{name}' is not allowed: it also names an environment variable, so use letters, digits and underscores, not starting with a digit.");
        }

        Name = name;
        Dataset = dataset;
        Mode = mode;
        PathOnCompute = pathOnCompute;
    }

    /// <summary>The input name.</summary>
    public string Name { get; }

    /// <summary>The dataset.</summary>
    public Dataset Dataset { get; }

    /// <summary>How the run receives it.</summary>
    public DatasetConsumptionMode Mode { get; }

    /// <summary>Where the files appear for the run; relative paths are below the run's working folder. Null for a generated folder.</summary>
    public string? PathOnCompute { get; }

    /// <summary>The same input, mounted read-only.</summary>
    /// <param name="pathOnCompute">Where the files appear; null for a generated folder.</param>
    public DatasetConsumptionConfig AsMount(string? pathOnCompute = null) => new(Name, Dataset, DatasetConsumptionMode.Mount, pathOnCompute);

    /// <summary>The same input, downloaded before the run starts.</summary>
    /// <param name="pathOnCompute">Where the files go; null for a generated folder.</param>
    public DatasetConsumptionConfig AsDownload(string? pathOnCompute = null) => new(Name, Dataset, DatasetConsumptionMode.Download, pathOnCompute);

    /// <summary>The argument placeholder <c>DatasetConsumptionConfig:&lt;name&gt;</c>.</summary>
    public override string ToString() => PlaceholderPrefix + Name;
}
