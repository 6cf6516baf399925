namespace AzureML.Core;

/// <summary>
/// Where a run or a scoring service executes: the interpreter, its packages, container settings and
/// environment variables. Mirrors <c>azureml.core.Environment</c>.
/// </summary>
public sealed class Environment
{
    /// <summary>Creates an environment.</summary>
    /// <param name="name">The environment name.</param>
    public Environment(string name) => Name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The environment name.</summary>
    public string Name { get; set; }

    /// <summary>The registered version, or <c>null</c> when not registered.</summary>
    public string? Version { get; internal set; }

    /// <summary>Interpreter and packages.</summary>
    public PythonSection Python { get; set; } = new();

    /// <summary>Container settings.</summary>
    public DockerSection Docker { get; set; } = new();

    /// <summary>Variables set for the process that runs the script.</summary>
    public IDictionary<string, string> EnvironmentVariables { get; set; } = new Dictionary<string, string>();
}
