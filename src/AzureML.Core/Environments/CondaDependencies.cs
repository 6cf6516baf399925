namespace AzureML.Core;

/// <summary>The conda and pip packages of an environment, as in a conda specification file.</summary>
public sealed class CondaDependencies
{
    private readonly List<string> _condaPackages = new();
    private readonly List<string> _pipPackages = new();
    private readonly List<string> _channels = new();

    /// <summary>Conda packages (with optional version specs), excluding <c>python</c> itself.</summary>
    public IReadOnlyList<string> CondaPackages => _condaPackages;

    /// <summary>Pip packages (with optional version specs).</summary>
    public IReadOnlyList<string> PipPackages => _pipPackages;

    /// <summary>Conda channels.</summary>
    public IReadOnlyList<string> CondaChannels => _channels;

    /// <summary>The Python version, for example <c>3.11</c>, or <c>null</c> when not pinned.</summary>
    public string? PythonVersion { get; private set; }

    /// <summary>Adds a conda package.</summary>
    /// <param name="package">A package name with an optional version spec.</param>
    public void AddCondaPackage(string package) => _condaPackages.Add(package);

    /// <summary>Adds a pip package.</summary>
    /// <param name="package">A package name with an optional version spec.</param>
    public void AddPipPackage(string package) => _pipPackages.Add(package);

    /// <summary>Adds a conda channel.</summary>
    /// <param name="channel">The channel name.</param>
    public void AddChannel(string channel) => _channels.Add(channel);

    /// <summary>Pins the Python version.</summary>
    /// <param name="version">For example <c>3.11</c>.</param>
    public void SetPythonVersion(string version) => PythonVersion = version;
}
