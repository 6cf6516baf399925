using AzureML.Core.Internal;

namespace AzureML.Core;

public sealed partial class Environment
{
    /// <summary>The definition file <see cref="SaveToDirectory"/> writes.</summary>
    public const string DefinitionFileName = "azureml_environment.json";

    /// <summary>The conda specification file <see cref="SaveToDirectory"/> writes beside the definition.</summary>
    public const string CondaFileName = "conda_dependencies.yml";

    /// <summary>
    /// Writes the environment to a folder as <c>azureml_environment.json</c> and, when it has conda
    /// dependencies, <c>conda_dependencies.yml</c>, the layout <see cref="LoadFromDirectory"/> and azureml-core read.
    /// </summary>
    /// <param name="path">The folder; created when missing.</param>
    /// <param name="overwrite">Replace files already there.</param>
    /// <exception cref="UserErrorException">A file exists and <paramref name="overwrite"/> is false, or the definition is inconsistent.</exception>
    public void SaveToDirectory(string path, bool overwrite = false)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        Validate("save");
        string folder = Path.GetFullPath(path);
        string definition = Path.Combine(folder, DefinitionFileName);
        string conda = Path.Combine(folder, CondaFileName);
        foreach (string file in new[] { definition, conda })
        {
            if (!overwrite && File.Exists(file))
            {
                throw new UserErrorException($"Cannot save environment '{Name}': '{file}' already exists. Pass overwrite: true to replace it.");
            }
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(definition, EnvironmentJson.ToNode(this, inlineCondaDependencies: false).ToJsonString(new() { WriteIndented = true }));
        if (Python.CondaDependencies is not null) File.WriteAllText(conda, Python.CondaDependencies.SerializeToString());
        else File.Delete(conda);
    }

    /// <summary>Reads an environment written by <see cref="SaveToDirectory"/> (or azureml-core's <c>save_to_directory</c>).</summary>
    /// <param name="path">The folder holding <c>azureml_environment.json</c>.</param>
    /// <exception cref="UserErrorException">The folder has no definition, or a file is malformed; the message names the file.</exception>
    public static Environment LoadFromDirectory(string path)
    {
        Argument.NotNullOrEmpty(path, nameof(path));
        string folder = Path.GetFullPath(path);
        string definition = Path.Combine(folder, DefinitionFileName);
        if (!File.Exists(definition))
        {
            throw new UserErrorException($"Cannot load an environment from '{folder}': it has no {DefinitionFileName}. Save one with Environment.SaveToDirectory.");
        }

        Environment environment = EnvironmentJson.Deserialize(File.ReadAllText(definition), $"'{definition}'");
        string conda = Path.Combine(folder, CondaFileName);
        if (File.Exists(conda)) environment.Python.CondaDependencies = new CondaDependencies(conda);
        return environment;
    }
}
