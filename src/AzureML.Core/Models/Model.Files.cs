using System.Globalization;
using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class Model
{
    /// <summary>The variable a scoring process gets: the folder its models are laid out in.</summary>
    public const string ModelDirVariable = "AZUREML_MODEL_DIR";

    /// <summary>
    /// Downloads the model's files into <paramref name="targetDir"/>, laid out as registered: a file model
    /// becomes <c>&lt;targetDir&gt;/model.pkl</c>, a folder model <c>&lt;targetDir&gt;/outputs/…</c>.
    /// </summary>
    /// <param name="targetDir">The folder to write into; created when missing. Default the current directory.</param>
    /// <param name="existOk">Overwrite files that already exist instead of failing.</param>
    /// <returns>The path of the model file, or of the model's folder when it has several files.</returns>
    /// <exception cref="UserErrorException">The target exists and <paramref name="existOk"/> is false.</exception>
    public virtual string Download(string targetDir = ".", bool existOk = false) => SynchronousCall.Run(() => DownloadAsync(targetDir, existOk));

    /// <inheritdoc cref="Download"/>
    /// <param name="targetDir">The folder to write into.</param>
    /// <param name="existOk">Overwrite files that already exist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<string> DownloadAsync(string targetDir = ".", bool existOk = false, CancellationToken cancellationToken = default)
    {
        string root = Path.GetFullPath(Argument.NotNullOrEmpty(targetDir, nameof(targetDir)));
        string result = _record.RootEntry is { } entry ? Path.Combine(root, entry) : root;
        List<string> targets = Files.Select(file => Path.Combine(root, file.Replace('/', Path.DirectorySeparatorChar))).ToList();
        if (!existOk)
        {
            string? existing = result == root ? targets.FirstOrDefault(File.Exists) : File.Exists(result) || Directory.Exists(result) ? result : null;
            if (existing is not null)
            {
                throw new UserErrorException($"Cannot download model '{Id}': '{existing}' already exists. Pass existOk: true to overwrite, or another targetDir.");
            }
        }

        for (int i = 0; i < targets.Count; i++)
        {
            await using Stream source = await Workspace.Backend.Models.OpenReadAsync(Name, Version, Files[i], cancellationToken).ConfigureAwait(false);
            await FileWriting.WriteAtomicallyAsync(targets[i], source, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// The path of a model's file (or folder, for a model with several files). Inside a scoring process it
    /// resolves under <c>AZUREML_MODEL_DIR</c> as azureml-core does: <c>&lt;dir&gt;/&lt;name&gt;/&lt;version&gt;</c>
    /// when several models are deployed, the folder itself (<c>…/azureml-models/&lt;name&gt;/&lt;version&gt;</c>)
    /// for one. With a <paramref name="workspace"/>, the registered files: on a local workspace the registry's
    /// own copy, which must not be modified; otherwise a download into <c>./azureml-models/&lt;name&gt;/&lt;version&gt;</c>.
    /// </summary>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version; default the latest (the highest deployed one inside a scoring process).</param>
    /// <param name="workspace">Resolve in this workspace instead of <c>AZUREML_MODEL_DIR</c>.</param>
    /// <exception cref="ModelNotFoundException">The model is not deployed with this process, or not registered.</exception>
    /// <exception cref="UserErrorException">Neither a workspace nor <c>AZUREML_MODEL_DIR</c> is available.</exception>
    public static string GetModelPath(string modelName, int? version = null, Workspace? workspace = null)
        => SynchronousCall.Run(() => GetModelPathAsync(modelName, version, workspace));

    /// <inheritdoc cref="GetModelPath"/>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version; default the latest.</param>
    /// <param name="workspace">Resolve in this workspace instead of <c>AZUREML_MODEL_DIR</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<string> GetModelPathAsync(string modelName, int? version = null, Workspace? workspace = null, CancellationToken cancellationToken = default)
    {
        ModelNames.Validate(modelName);
        if (workspace is null) return ResolveUnderModelDir(modelName, version);
        Model model = await GetAsync(workspace, modelName, version: version, cancellationToken: cancellationToken).ConfigureAwait(false);

        // A registry that already holds the files on this machine hands out its copy; copying it would only cost time and disk.
        string? folder = await workspace.Backend.Models.GetFolderOnThisMachineAsync(model.Name, model.Version, cancellationToken).ConfigureAwait(false);
        if (folder is not null) return model._record.RootEntry is { } entry ? Path.Combine(folder, entry) : folder;

        string cache = Path.Combine("azureml-models", model.Name, model.Version.ToString(CultureInfo.InvariantCulture));
        return await model.DownloadAsync(cache, existOk: true, cancellationToken).ConfigureAwait(false);
    }

    private static string ResolveUnderModelDir(string modelName, int? version)
    {
        string? modelDir = System.Environment.GetEnvironmentVariable(ModelDirVariable);
        if (string.IsNullOrEmpty(modelDir))
        {
            throw new UserErrorException(
                $"Model.GetModelPath('{modelName}') needs {ModelDirVariable}, which a scoring process gets from its deployment. " +
                "Outside one, pass the workspace: Model.GetModelPath(name, workspace: ws).");
        }

        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelDir));
        string versions = Path.Combine(root, modelName);
        if (Directory.Exists(versions))
        {
            // Several models: <dir>/<name>/<version>/….
            List<int> deployed = Directory.EnumerateDirectories(versions)
                .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0)
                .Where(v => v > 0).Order().ToList();
            int chosen = version ?? (deployed.Count > 0 ? deployed[^1] : 0);
            if (!deployed.Contains(chosen))
            {
                throw new ModelNotFoundException(
                    $"Model '{modelName}' version {version?.ToString(CultureInfo.InvariantCulture) ?? "(latest)"} is not deployed with this process; " +
                    $"deployed versions under '{versions}': {(deployed.Count == 0 ? "none" : string.Join(", ", deployed))}.", modelName, version);
            }

            return SingleEntryOrFolder(Path.Combine(versions, chosen.ToString(CultureInfo.InvariantCulture)));
        }

        // One model: the variable points at …/<name>/<version> itself.
        var folder = new DirectoryInfo(root);
        if (folder.Parent?.Name == modelName && (version is null || folder.Name == version.Value.ToString(CultureInfo.InvariantCulture)))
        {
            return SingleEntryOrFolder(root);
        }

        throw new ModelNotFoundException(
            $"Model '{modelName}'{(version is null ? "" : $" version {version}")} is not deployed with this process: {ModelDirVariable} is '{root}', " +
            $"which holds {(folder.Parent is null ? "" : $"'{folder.Parent.Name}' ")}version '{folder.Name}'.", modelName, version);
    }

    private static string SingleEntryOrFolder(string folder)
    {
        string[] entries = Directory.GetFileSystemEntries(folder);
        return entries.Length == 1 ? entries[0] : folder;
    }
}
