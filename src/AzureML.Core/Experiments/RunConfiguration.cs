namespace AzureML.Core;

/// <summary>
/// How to run a script: arguments, target, environment, node count and limits. Mirrors
/// <c>azureml.core.RunConfiguration</c> and its <c>.runconfig</c> file.
/// </summary>
public partial class RunConfiguration
{
    /// <summary>Creates a configuration with azureml-core's defaults.</summary>
    /// <param name="script">The script to run, relative to the source directory.</param>
    /// <param name="arguments">Arguments for the script.</param>
    /// <param name="command">A command to run instead of a script.</param>
    public RunConfiguration(string? script = null, IEnumerable<object>? arguments = null, IEnumerable<string>? command = null)
    {
        Script = script;
        Arguments = arguments?.ToList() ?? new List<object>();
        Command = command?.ToList() ?? new List<string>();
    }

    /// <summary>The script, relative to the source directory.</summary>
    public string? Script { get; set; }

    /// <summary>Arguments for the script: strings, numbers, or dataset inputs.</summary>
    public IList<object> Arguments { get; set; }

    /// <summary>The compute target name; <c>local</c> runs on this machine.</summary>
    public string Target { get; set; } = "local";

    /// <summary>The framework: <c>Python</c>, <c>PySpark</c>, <c>TensorFlow</c>, <c>PyTorch</c> or <c>CNTK</c>.</summary>
    public string Framework { get; set; } = "Python";

    /// <summary>The communicator for distributed runs: <c>None</c>, <c>ParameterServer</c>, <c>OpenMpi</c>, <c>IntelMpi</c>, <c>Gloo</c>, <c>Nccl</c>.</summary>
    public string Communicator { get; set; } = "None";

    /// <summary>The longest the run may take, in seconds; <c>null</c> for no limit.</summary>
    public long? MaxRunDurationSeconds { get; set; }

    /// <summary>How many nodes (processes) the run uses.</summary>
    public int NodeCount { get; set; } = 1;

    /// <summary>The environment the script runs in.</summary>
    public Environment Environment { get; set; } = new("default-environment");

    /// <summary>A command (program then arguments) to run instead of <see cref="Script"/>.</summary>
    public IList<string> Command { get; set; }

    /// <summary>Variables set for the run's process, on top of <see cref="Environment"/>'s.</summary>
    public IDictionary<string, string> EnvironmentVariables { get; set; } = new Dictionary<string, string>();
}
