using System.Text.Json;
using AzureML.Core.Internal;

namespace AzureML.Core.Data;

public abstract partial class Dataset
{
    private static readonly string[] s_fileParameters = ["path"];
    private static readonly string[] s_tabularParameters = ["path", "separator", "header", "encoding", "inferColumnTypes", "includePath"];
    private static readonly string[] s_topLevel = ["schemaVersion", "datasetType", "parameters", "registration"];
    private static readonly string[] s_registration = ["name", "description", "tags", "createNewVersion"];

    /// <summary>
    /// Registers the dataset a <c>dataset.json</c> definition file describes (the file <c>az ml dataset register -f</c>
    /// takes): <c>schemaVersion</c> 1, <c>datasetType</c> File or Tabular, <c>parameters.path</c> (a string or a list of
    /// local paths relative to the file, or http(s) URLs; Tabular also takes <c>separator</c>, <c>header</c>,
    /// <c>encoding</c>, <c>inferColumnTypes</c>, <c>includePath</c>) and <c>registration</c>
    /// (<c>name</c>, <c>description</c>, <c>tags</c>, <c>createNewVersion</c>).
    /// </summary>
    /// <param name="workspace">The workspace.</param>
    /// <param name="path">The definition file.</param>
    /// <param name="skipValidation">Do not check that the paths match files.</param>
    /// <returns>The registered version.</returns>
    /// <exception cref="UserErrorException">The file is missing or malformed; the message names the file and the field.</exception>
    public static Dataset RegisterFromDefinitionFile(Workspace workspace, string path, bool skipValidation = false)
        => SynchronousCall.Run(() => RegisterFromDefinitionFileAsync(workspace, path, skipValidation));

    /// <inheritdoc cref="RegisterFromDefinitionFile"/>
    /// <param name="workspace">The workspace.</param>
    /// <param name="path">The definition file.</param>
    /// <param name="skipValidation">Do not check that the paths match files.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<Dataset> RegisterFromDefinitionFileAsync(Workspace workspace, string path, bool skipValidation = false,
        CancellationToken cancellationToken = default)
    {
        Argument.NotNull(workspace, nameof(workspace));
        Argument.NotNullOrEmpty(path, nameof(path));
        string file = System.IO.Path.GetFullPath(path);
        if (!System.IO.File.Exists(file)) throw new UserErrorException($"Dataset definition file '{path}' does not exist.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(System.IO.File.ReadAllText(file));
        }
        catch (JsonException ex)
        {
            throw new UserErrorException($"'{file}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var reader = new DefinitionFileReader(file, document.RootElement);
            reader.OnlyKeys(document.RootElement, "", s_topLevel);
            if (reader.Number(document.RootElement, "schemaVersion") is not 1)
            {
                throw new UserErrorException($"{file}: 'schemaVersion' must be 1.");
            }

            string type = reader.String(document.RootElement, "datasetType") ?? throw reader.Missing("datasetType");
            JsonElement parameters = reader.Object(document.RootElement, "parameters") ?? throw reader.Missing("parameters");
            JsonElement registration = reader.Object(document.RootElement, "registration") ?? throw reader.Missing("registration");
            reader.OnlyKeys(registration, "registration.", s_registration);
            List<DataPath> paths = reader.Paths(parameters);
            Dataset dataset = type switch
            {
                DatasetDefinition.FileType => ReadFile(reader, parameters, paths, skipValidation),
                DatasetDefinition.TabularType => ReadTabular(reader, parameters, paths, skipValidation),
                _ => throw new UserErrorException($"{file}: 'datasetType' is '{type}'; use File or Tabular."),
            };
            return dataset.RegisterAsync(workspace,
                reader.String(registration, "name") ?? throw reader.Missing("registration.name"),
                reader.String(registration, "description"),
                reader.Tags(registration),
                reader.Bool(registration, "createNewVersion") ?? false,
                cancellationToken);
        }
    }

    private static FileDataset ReadFile(DefinitionFileReader reader, JsonElement parameters, List<DataPath> paths, bool skipValidation)
    {
        reader.OnlyKeys(parameters, "parameters.", s_fileParameters);
        return File.FromFiles(paths, validate: !skipValidation);
    }

    private static TabularDataset ReadTabular(DefinitionFileReader reader, JsonElement parameters, List<DataPath> paths, bool skipValidation)
    {
        reader.OnlyKeys(parameters, "parameters.", s_tabularParameters);
        string separator = reader.String(parameters, "separator") ?? ",";
        if (separator.Length != 1) throw new UserErrorException($"{reader.File}: 'parameters.separator' must be one character; got '{separator}'.");
        return Tabular.FromDelimitedFiles(paths,
            validate: !skipValidation,
            includePath: reader.Bool(parameters, "includePath") ?? false,
            inferColumnTypes: reader.Bool(parameters, "inferColumnTypes") ?? true,
            separator: separator[0],
            header: reader.Bool(parameters, "header") ?? true,
            encoding: reader.String(parameters, "encoding") ?? "utf8");
    }
}
