namespace AzureML.TestUtilities.Packaging;

/// <summary>A console project outside the repository that installs the SDK's packages from a <see cref="LocalPackageFeed"/>.</summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);
    private readonly IReadOnlyDictionary<string, string?> _environment;

    internal ConsumerProject(string folder, IReadOnlyDictionary<string, string?> environment)
    {
        Folder = folder;
        _environment = environment;
    }

    /// <summary>The project folder.</summary>
    public string Folder { get; }

    /// <summary>The folder the build writes the program to (Debug, net10.0; the RuntimeIdentifier's subfolder when one is set).</summary>
    public string OutputFolder(string? runtimeIdentifier = null) =>
        runtimeIdentifier is null ? Path.Combine(Folder, "bin", "Debug", "net10.0") : Path.Combine(Folder, "bin", "Debug", "net10.0", runtimeIdentifier);

    /// <summary>Restores and builds the project.</summary>
    public CommandResult Build() => DotnetCommand.Run(Folder, _environment, s_timeout, "build");

    /// <summary>Runs the built program with <paramref name="arguments"/>.</summary>
    /// <param name="arguments">The program's arguments.</param>
    public CommandResult Run(params string[] arguments) =>
        DotnetCommand.Run(Folder, _environment, s_timeout, ["run", "--no-build", "--", .. arguments]);
}
