using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// Where a run or a scoring service executes: the interpreter, its packages, container settings and
/// environment variables. Mirrors <c>azureml.core.Environment</c>.
/// </summary>
/// <remarks>
/// Under implicit usings the name collides with <see cref="System.Environment"/>; write
/// <c>using Environment = AzureML.Core.Environment;</c>.
/// </remarks>
public sealed partial class Environment
{
    /// <summary>The name given to an environment read from a definition that has none.</summary>
    internal const string DefaultName = "default-environment";

    /// <summary>Creates an environment with azureml-core's defaults and no package list.</summary>
    /// <param name="name">The environment name.</param>
    public Environment(string name) => Name = Argument.NotNull(name, nameof(name));

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

    /// <summary>The inferencing stack of a scoring image: <c>null</c>, or <c>latest</c>.</summary>
    public string? InferencingStackVersion { get; set; }

    /// <summary>Definition keys this SDK does not model (<c>spark</c>, <c>databricks</c>…), kept for writing back.</summary>
    internal UnknownKeys UnknownKeys { get; init; } = new();

    /// <summary>A copy under another name, unregistered, that shares nothing with this one.</summary>
    /// <param name="newName">The copy's name.</param>
    public Environment Clone(string newName)
    {
        Argument.NotNullOrEmpty(newName, nameof(newName));
        Environment copy = EnvironmentJson.Deserialize(EnvironmentJson.Serialize(this));
        copy.Name = newName;
        copy.Version = null;
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => Version is null ? $"Environment(name={Name})" : $"Environment(name={Name}, version={Version})";

    /// <summary>Rejects definitions no builder could use; <paramref name="action"/> says what was attempted.</summary>
    private void Validate(string action)
    {
        if (!string.IsNullOrEmpty(Docker.BaseImage) && !string.IsNullOrEmpty(Docker.BaseDockerfile))
        {
            throw new UserErrorException(
                $"Cannot {action} environment '{Name}': Docker.BaseImage ('{Docker.BaseImage}') and Docker.BaseDockerfile are both set; " +
                "they are mutually exclusive. Set the one you do not use to null.");
        }
    }
}
