namespace AzureML.Core;

/// <summary>The Python part of an <see cref="Environment"/>: interpreter and package dependencies.</summary>
public sealed class PythonSection
{
    /// <summary>
    /// When true, the SDK uses <see cref="InterpreterPath"/> as it is and installs or checks nothing.
    /// Default <c>false</c>.
    /// </summary>
    public bool UserManagedDependencies { get; set; }

    /// <summary>The interpreter to run scripts with. Default <c>python</c>, as in azureml-core.</summary>
    public string InterpreterPath { get; set; } = "python";

    /// <summary>The conda/pip packages the environment needs.</summary>
    public CondaDependencies? CondaDependencies { get; set; }

    /// <summary>
    /// The conda specification file of a run configuration, relative to its project folder. Set by
    /// <c>RunConfiguration.Save</c> and resolved by <c>RunConfiguration.Load</c>.
    /// </summary>
    public string? CondaDependenciesFile { get; set; }

    /// <summary>An existing conda environment to start from.</summary>
    public string? BaseCondaEnvironment { get; set; }
}
