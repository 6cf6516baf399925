using System.Globalization;
using System.Text.Json;
using AzureML.Core.Data;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Makes a local run's dataset inputs available before its process starts: each input is downloaded (or, for
/// <c>mount</c>, copied read-only) under its <c>pathOnCompute</c> or <c>azureml-inputs/&lt;name&gt;</c> in the working
/// folder; <c>DatasetConsumptionConfig:&lt;name&gt;</c> arguments become that path; and the run records what it got.
/// </summary>
internal static class LocalDatasetInputs
{
    /// <summary>The variable the Python shim reads for <c>run.input_datasets</c>: a JSON object of name → path.</summary>
    public const string InputDatasetsVariable = "AZUREML_INPUT_DATASETS";

    /// <summary>The folder, below the working folder, that holds inputs without a <c>pathOnCompute</c>.</summary>
    public const string InputsFolder = "azureml-inputs";

    // pathOnCompute is where the files go on the compute; locally that is inside the run's working copy. An
    // absolute path (common in Azure configurations) is placed under it; nothing may land outside it.
    private static string TargetFolder(string workingFolder, DatasetInput input)
    {
        string requested = input.PathOnCompute ?? Path.Combine(InputsFolder, input.Name);
        string relative = Path.IsPathRooted(requested) ? requested.TrimStart('/', '\\') : requested;
        string root = Path.GetFullPath(workingFolder);
        string target = Path.GetFullPath(Path.Combine(root, relative));
        if (target != root && !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UserErrorException($"Dataset input '{input.Name}': pathOnCompute '{requested}' leaves the run's working folder; use a path without '..'.");
        }

        return target;
    }

    /// <summary>Materializes the inputs named by <paramref name="arguments"/> and <paramref name="data"/>.</summary>
    /// <param name="backend">The run's workspace.</param>
    /// <param name="runId">The run, for the record of its inputs.</param>
    /// <param name="arguments">The script arguments: strings (a whole <c>DatasetConsumptionConfig:&lt;name&gt;</c> is a placeholder) and <see cref="DatasetConsumptionConfig"/>s.</param>
    /// <param name="data">The run configuration's <c>data</c> section by input name.</param>
    /// <param name="workingFolder">The folder the script runs in.</param>
    /// <exception cref="UserErrorException">A placeholder names no input, a dataset is not registered, or a target file exists without <c>overwrite</c>.</exception>
    public static DatasetInputsResult Materialize(LocalBackend backend, string runId, IEnumerable<object> arguments,
        IReadOnlyDictionary<string, DatasetInput> data, string workingFolder)
    {
        var inputs = new Dictionary<string, DatasetInput>(data, StringComparer.Ordinal);
        var texts = new List<string>();
        foreach (object argument in arguments)
        {
            if (argument is DatasetConsumptionConfig config)
            {
                DatasetInput input = DatasetInput.From(config);
                if (inputs.TryGetValue(config.Name, out DatasetInput? other) && other != input)
                {
                    throw new UserErrorException($"Two different dataset inputs are named '{config.Name}'; give each input its own name.");
                }

                inputs[config.Name] = input;
            }

            texts.Add(Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "");
        }

        Workspace workspace = Workspace.FromBackend("local", backend.Root, backend);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<RunInputRecord>();
        foreach (DatasetInput input in inputs.Values)
        {
            if (input.Mechanism is not (DatasetInput.Direct or DatasetInput.Mount or DatasetInput.Download))
            {
                throw new UserErrorException(
                    $"Dataset input '{input.Name}' uses mechanism '{input.Mechanism}'; local runs support direct, mount and download.");
            }

            Dataset dataset = Resolve(workspace, input);
            string target = TargetFolder(workingFolder, input);
            ExistingFilePolicy existing = input.Overwrite ? ExistingFilePolicy.Overwrite : ExistingFilePolicy.Fail;
            dataset.CopyFilesAsync(target, existing, readOnly: input.Mechanism == DatasetInput.Mount, CancellationToken.None).EnsureCompleted();
            paths[input.Name] = target;
            variables[input.EnvironmentVariableName ?? input.Name] = target;
            records.Add(new RunInputRecord(input.Name, dataset.Id, input.Mechanism, target));
        }

        variables[InputDatasetsVariable] = JsonSerializer.Serialize(paths, Internal.SdkJsonContext.Default.DictionaryStringString);
        backend.Datasets.RecordRunInputsAsync(runId, records, CancellationToken.None).EnsureCompleted();
        return new DatasetInputsResult(texts.Select(t => Substitute(t, paths)).ToList(), variables);
    }

    private static string Substitute(string argument, Dictionary<string, string> paths)
    {
        if (!argument.StartsWith(DatasetConsumptionConfig.PlaceholderPrefix, StringComparison.Ordinal)) return argument;
        string name = argument[DatasetConsumptionConfig.PlaceholderPrefix.Length..];
        return paths.TryGetValue(name, out string? path)
            ? path
            : throw new UserErrorException(
                $"The argument '{argument}' names the dataset input '{name}', but the run has no such input. " +
                $"Inputs: {(paths.Count == 0 ? "none" : string.Join(", ", paths.Keys))}. Add it to the run configuration's data section or pass dataset.AsNamedInput(\"{name}\").");
    }

    private static Dataset Resolve(Workspace workspace, DatasetInput input)
    {
        if (input.Definition is not null) return Dataset.FromDefinition(input.Definition, workspace, null);
        if (input.DatasetId is not null) return Dataset.GetById(workspace, input.DatasetId);
        if (input.DatasetName is not null) return Dataset.GetByName(workspace, input.DatasetName, input.DatasetVersion ?? "latest");
        throw new UserErrorException($"Dataset input '{input.Name}' names no dataset; give dataLocation.dataset.id, or its name and version.");
    }
}
