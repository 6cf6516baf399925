using AzureML.Core.Internal;

namespace AzureML.Core;

public sealed partial class Environment
{
    /// <summary>Creates an environment from a conda specification file (<c>name</c>, <c>channels</c>, <c>dependencies</c>).</summary>
    /// <param name="name">The environment name.</param>
    /// <param name="filePath">The conda YAML file.</param>
    /// <exception cref="UserErrorException">The file is missing or malformed; the message names the file and line.</exception>
    public static Environment FromCondaSpecification(string name, string filePath)
    {
        Argument.NotNullOrEmpty(filePath, nameof(filePath));
        return new Environment(name) { Python = { CondaDependencies = new CondaDependencies(filePath) } };
    }

    /// <summary>
    /// Creates an environment whose pip packages come from a <c>requirements.txt</c>. Comments and blank lines
    /// are skipped, <c>-r</c> files included, and option lines (<c>--index-url</c>…) kept as pip options.
    /// </summary>
    /// <param name="name">The environment name.</param>
    /// <param name="filePath">The requirements file.</param>
    /// <param name="pipVersion">A pip version to pin in the conda environment, for example <c>23.3.1</c>.</param>
    /// <exception cref="UserErrorException">The file (or a file it includes) is missing.</exception>
    public static Environment FromPipRequirements(string name, string filePath, string? pipVersion = null)
    {
        Argument.NotNullOrEmpty(filePath, nameof(filePath));
        return new Environment(name) { Python = { CondaDependencies = PipDependencies(filePath, pipVersion) } };
    }

    /// <summary>
    /// Creates an environment on an existing image. Without a conda specification or pip requirements the
    /// image's own Python is used as it is (<see cref="PythonSection.UserManagedDependencies"/> is true).
    /// </summary>
    /// <param name="name">The environment name.</param>
    /// <param name="image">The image, for example <c>mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04</c>.</param>
    /// <param name="containerRegistry">The registry holding a private image.</param>
    /// <param name="condaSpecification">A conda specification file to add.</param>
    /// <param name="pipRequirements">A pip requirements file to add.</param>
    public static Environment FromDockerImage(string name, string image, ContainerRegistry? containerRegistry = null,
        string? condaSpecification = null, string? pipRequirements = null)
    {
        Argument.NotNullOrEmpty(image, nameof(image));
        var environment = new Environment(name) { Docker = { BaseImage = image, BaseImageRegistry = containerRegistry } };
        environment.AddPackageFiles(condaSpecification, pipRequirements);
        return environment;
    }

    /// <summary>
    /// Creates an environment built from a Dockerfile. Without a conda specification or pip requirements the
    /// image's own Python is used as it is.
    /// </summary>
    /// <param name="name">The environment name.</param>
    /// <param name="dockerfile">A Dockerfile path, or the Dockerfile text itself.</param>
    /// <param name="condaSpecification">A conda specification file to add.</param>
    /// <param name="pipRequirements">A pip requirements file to add.</param>
    public static Environment FromDockerfile(string name, string dockerfile, string? condaSpecification = null, string? pipRequirements = null)
    {
        Argument.NotNullOrEmpty(dockerfile, nameof(dockerfile));
        // azureml-core takes either; a single line that names an existing file is a path.
        string text = !dockerfile.Contains('\n') && File.Exists(dockerfile) ? File.ReadAllText(dockerfile) : dockerfile;
        var environment = new Environment(name) { Docker = { BaseImage = null, BaseDockerfile = text } };
        environment.AddPackageFiles(condaSpecification, pipRequirements);
        return environment;
    }

    private void AddPackageFiles(string? condaSpecification, string? pipRequirements)
    {
        if (condaSpecification is null && pipRequirements is null)
        {
            Python.UserManagedDependencies = true;
            return;
        }

        if (condaSpecification is null)
        {
            Python.CondaDependencies = PipDependencies(pipRequirements!, pipVersion: null);
            return;
        }

        var conda = new CondaDependencies(condaSpecification);
        if (pipRequirements is not null) AddRequirements(conda, PipRequirementsFile.Read(pipRequirements));
        Python.CondaDependencies = conda;
    }

    private static CondaDependencies PipDependencies(string filePath, string? pipVersion)
    {
        var conda = new CondaDependencies();
        conda.SetPythonVersion(CondaDependencies.DefaultPythonVersion);
        conda.AddCondaPackage(pipVersion is null ? "pip" : $"pip={pipVersion}");
        AddRequirements(conda, PipRequirementsFile.Read(filePath));
        return conda;
    }

    private static void AddRequirements(CondaDependencies conda, IEnumerable<string> entries)
    {
        foreach (string entry in entries)
        {
            if (PackageSpec.IsPipOption(entry)) conda.SetPipOption(entry);
            else conda.AddPipPackage(entry);
        }
    }
}
