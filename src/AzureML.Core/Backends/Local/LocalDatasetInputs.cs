using System.Text.Json.Nodes;
using AzureML.Core.Data;
using AzureML.Core.Internal;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Makes a local run's dataset inputs available before its process starts: each input is downloaded (or, for
/// <c>mount</c>, copied read-only) under its <c>pathOnCompute</c> or <c>azureml-inputs/&lt;name&gt;</c> in the working
/// folder, a direct tabular input as its rows; <c>DatasetConsumptionConfig:&lt;name&gt;</c> arguments become that path;
/// and the run records what it got.
/// </summary>
internal static class LocalDatasetInputs
{
    /// <summary>
    /// The variable the Python shim reads for <c>run.input_datasets</c> and <c>Dataset.get_by_name</c>: a JSON object of
    /// input name → <c>{type, mechanism, path, name, version, id}</c>, direct tabular inputs adding <c>rows</c> (their CSV)
    /// and <c>columns</c> (<c>[name, type]</c> pairs).
    /// </summary>
    public const string InputDatasetsVariable = "AZUREML_INPUT_DATASETS";

    /// <summary>The file, in a direct tabular input's folder, that holds its rows (the name <c>ToCsvFiles</c> gives them).</summary>
    public const string RowsFile = "part-00000.csv";

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

    /// <summary>Materializes the inputs of a run and replaces their placeholders in <paramref name="arguments"/>.</summary>
    /// <param name="backend">The run's workspace.</param>
    /// <param name="runId">The run, for the record of its inputs.</param>
    /// <param name="arguments">The script arguments; a whole <c>DatasetConsumptionConfig:&lt;name&gt;</c> is a placeholder.</param>
    /// <param name="inputs">The run's inputs by name: its run configuration's data section and the consumption configs of its arguments.</param>
    /// <param name="workingFolder">The folder the script runs in.</param>
    /// <exception cref="UserErrorException">A placeholder names no input, a dataset is not registered, or a target file exists without <c>overwrite</c>.</exception>
    public static DatasetInputsResult Materialize(LocalBackend backend, string runId, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, DatasetInput> inputs, string workingFolder)
    {
        Workspace workspace = Workspace.FromBackend("local", backend.Root, backend);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var described = new JsonObject();
        var records = new List<RunInputRecord>();
        bool tabularObjects = false;
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
            var description = new JsonObject
            {
                ["type"] = dataset is TabularDataset ? "tabular" : "file",
                ["mechanism"] = input.Mechanism,
                ["path"] = target,
                ["name"] = dataset.Name,
                ["version"] = dataset.Version,
                ["id"] = dataset.Id,
            };

            // A direct tabular input is a TabularDataset in the script (azureml's behaviour): its rows are read here,
            // once, with the recorded steps and the types this SDK gives them, and the shim reads them with those types.
            if (dataset is TabularDataset tabular && input.Mechanism == DatasetInput.Direct)
            {
                DataFrame frame = tabular.ToDataFrame();
                string file = Path.Combine(target, RowsFile);
                if (File.Exists(file) && existing == ExistingFilePolicy.Fail)
                {
                    throw new UserErrorException($"Dataset input '{input.Name}': '{file}' exists; set overwrite for the input or use another pathOnCompute.");
                }

                Directory.CreateDirectory(target);
                frame.ToCsv(file);

                description["rows"] = file;
                description["columns"] = new JsonArray(frame.Columns.Select(c => (JsonNode)new JsonArray(c.Name, c.DataType.ToString())).ToArray());
                tabularObjects = true;
            }
            else
            {
                dataset.CopyFilesAsync(target, existing, readOnly: input.Mechanism == DatasetInput.Mount, CancellationToken.None).EnsureCompleted();
            }

            paths[input.Name] = target;
            variables[input.EnvironmentVariableName ?? input.Name] = target;
            described[input.Name] = description;
            records.Add(new RunInputRecord(input.Name, dataset.Id, input.Mechanism, target));
        }

        variables[InputDatasetsVariable] = described.ToJsonString();
        backend.Datasets.RecordRunInputsAsync(runId, records, CancellationToken.None).EnsureCompleted();
        return new DatasetInputsResult(arguments.Select(t => Substitute(t, paths)).ToList(), variables, tabularObjects ? ["pandas"] : []);
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
