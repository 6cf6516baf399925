using AzureML.Core.Internal;

namespace AzureML.Core;

public partial class RunConfiguration
{
    /// <summary>The extension of run configuration files.</summary>
    public const string FileExtension = ".runconfig";

    private const string ConfigFolder = ".azureml";
    private const string LegacyConfigFolder = "aml_config";
    private const string CondaFileName = "conda_dependencies.yml";

    /// <summary>
    /// Writes the configuration as a <c>.runconfig</c> YAML file, with azureml-core's path rules. A folder
    /// (default the current one) with a <paramref name="name"/> writes <c>&lt;path&gt;/.azureml/&lt;name&gt;.runconfig</c>,
    /// or <c>aml_config/</c> when that folder exists; a file path writes that file. The conda dependencies go to
    /// their own file, named by <c>environment.python.condaDependenciesFile</c> (default
    /// <c>conda_dependencies.yml</c> beside the run configuration), relative to the project folder.
    /// </summary>
    /// <param name="path">A project folder or a file path.</param>
    /// <param name="name">The configuration name, required with a folder.</param>
    /// <returns>The full path of the file written.</returns>
    /// <exception cref="UserErrorException">A folder was given without a name, or a file cannot be written.</exception>
    public string Save(string? path = null, string? name = null)
    {
        string full = Path.GetFullPath(string.IsNullOrEmpty(path) ? "." : path);
        string file;
        if (Directory.Exists(full) || (name is not null && !File.Exists(full)))
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new UserErrorException($"Cannot save a run configuration to the folder '{full}' without a name. Pass name: \"mnist\" (written as .azureml/mnist.runconfig) or a file path.");
            }

            string folder = Directory.Exists(Path.Combine(full, LegacyConfigFolder)) ? LegacyConfigFolder : ConfigFolder;
            file = Path.Combine(full, folder, FileNameOf(name));
        }
        else
        {
            file = full;
        }

        string project = ProjectFolderOf(file);
        string? condaFile = null;
        CondaDependencies? conda = Environment.Python.CondaDependencies;
        if (conda is not null)
        {
            condaFile = Environment.Python.CondaDependenciesFile
                ?? Path.GetRelativePath(project, Path.Combine(Path.GetDirectoryName(file)!, CondaFileName)).Replace('\\', '/');
        }

        try
        {
            if (conda is not null) conda.Save(Path.Combine(project, condaFile!));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, YamlJson.Emit(RunConfigurationYaml.ToNode(this, condaFile)));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new UserErrorException($"Cannot write the run configuration '{file}': {ex.Message}", ex);
        }

        return file;
    }

    /// <summary>
    /// Reads a <c>.runconfig</c> file written by azureml-core, the CLI or <see cref="Save"/>. A file path reads
    /// that file; a folder with a <paramref name="name"/> looks in <c>.azureml/</c> and <c>aml_config/</c> for
    /// <c>&lt;name&gt;</c> and <c>&lt;name&gt;.runconfig</c>, then for <c>&lt;path&gt;/&lt;name&gt;.runconfig</c>.
    /// Inline <c>condaDependencies</c> and a <c>condaDependenciesFile</c> (relative to the project folder) are
    /// both read; the legacy TitleCase format is read too. Keys this SDK does not model are kept and written
    /// back by <see cref="Save"/>.
    /// </summary>
    /// <param name="path">A project folder or a file path.</param>
    /// <param name="name">The configuration name, with a folder.</param>
    /// <exception cref="UserErrorException">No file was found, or it is malformed; the message names the file, key and line, and what is allowed.</exception>
    public static RunConfiguration Load(string path, string? name = null)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        string file = FindFile(Path.GetFullPath(path), name);
        string source = $"Run configuration '{file}'";
        RunConfiguration configuration = RunConfigurationYaml.Read(YamlJson.Parse(File.ReadAllText(file), source), source, Path.GetDirectoryName(file)!);
        configuration.ReadCondaFile(file, source);
        return configuration;
    }

    /// <summary>Deletes the run configuration <paramref name="name"/> from <c>.azureml/</c> and <c>aml_config/</c> of a project folder.</summary>
    /// <param name="path">The project folder.</param>
    /// <param name="name">The configuration name.</param>
    /// <exception cref="UserErrorException">No such run configuration exists.</exception>
    public static void Delete(string path, string name)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        Argument.NotNullOrEmpty(name, nameof(name));
        string project = Path.GetFullPath(path);
        string[] candidates = [Path.Combine(project, LegacyConfigFolder, FileNameOf(name)), Path.Combine(project, ConfigFolder, FileNameOf(name))];
        string[] existing = candidates.Where(File.Exists).ToArray();
        if (existing.Length == 0)
        {
            throw new UserErrorException($"No run configuration named '{name}' to delete; looked for {string.Join(" and ", candidates.Select(c => $"'{c}'"))}.");
        }

        foreach (string file in existing) File.Delete(file);
    }

    private static string FindFile(string full, string? name)
    {
        if (name is null && File.Exists(full)) return full;
        string[] candidates = name is null
            ? []
            :
            [
                Path.Combine(full, ConfigFolder, name), Path.Combine(full, LegacyConfigFolder, name),
                Path.Combine(full, ConfigFolder, FileNameOf(name)), Path.Combine(full, LegacyConfigFolder, FileNameOf(name)),
                Path.Combine(full, FileNameOf(name)),
            ];
        return candidates.FirstOrDefault(File.Exists) ?? throw new UserErrorException(
            $"Failed to load a run configuration from path '{full}' name '{name}': " +
            (candidates.Length == 0
                ? "the path is not a file. Pass a .runconfig file, or a project folder and a name."
                : $"none of {string.Join(", ", candidates.Select(c => $"'{c}'"))} exists."));
    }

    // conda_dependencies.yml paths in a run configuration are relative to the project folder, the parent of
    // .azureml/ or aml_config/; a file kept elsewhere is its own project folder.
    private static string ProjectFolderOf(string file)
    {
        string folder = Path.GetDirectoryName(file)!;
        return Path.GetFileName(folder) is ConfigFolder or LegacyConfigFolder ? Path.GetDirectoryName(folder)! : folder;
    }

    private static string FileNameOf(string name) => name.EndsWith(FileExtension, StringComparison.Ordinal) ? name : name + FileExtension;

    private void ReadCondaFile(string file, string source)
    {
        PythonSection python = Environment.Python;
        if (python.CondaDependencies is not null || string.IsNullOrEmpty(python.CondaDependenciesFile)) return;
        string[] candidates =
        [
            Path.GetFullPath(Path.Combine(ProjectFolderOf(file), python.CondaDependenciesFile)),
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, python.CondaDependenciesFile)),
        ];
        string? found = candidates.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            python.CondaDependencies = new CondaDependencies(found);
        }
        else if (!python.UserManagedDependencies)
        {
            throw new UserErrorException(
                $"{source}: 'environment.python.condaDependenciesFile' names '{python.CondaDependenciesFile}', which does not exist " +
                $"(looked for '{candidates[0]}'). Create it, fix the path (it is relative to the project folder), or set userManagedDependencies: true.");
        }
    }
}
