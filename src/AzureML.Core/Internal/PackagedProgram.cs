namespace AzureML.Core.Internal;

/// <summary>
/// A .NET program an SDK package ships and starts as a process of its own (<c>dotnet &lt;assembly&gt;</c>). Where it is
/// depends on how the application got the package:
/// <list type="bullet">
/// <item>from the NuGet package: the package's build copies it into <see cref="FolderName"/>/ beside the application;</item>
/// <item>without a build (a notebook loads the assembly from the package folder): the package's own <c>tools/</c> folder;</item>
/// <item>by project reference (this repository): next to the package's assembly, from a reference to the program's project.</item>
/// </list>
/// </summary>
/// <param name="Anchor">A type of the package's own assembly, whose location the searches start from.</param>
/// <param name="FolderName">The program's folder beside the application and inside the package's <c>tools/</c>.</param>
/// <param name="AssemblyFileName">The program's entry assembly.</param>
/// <param name="Title">What the program is, starting a sentence ("The AutoML runner").</param>
/// <param name="PackageId">The package that ships it.</param>
/// <param name="ProjectName">The program's project, which a project reference to the package's project also needs.</param>
internal sealed record PackagedProgram(Type Anchor, string FolderName, string AssemblyFileName, string Title, string PackageId, string ProjectName)
{
    /// <summary>The path of the program's entry assembly, or <c>null</c> when it is not installed.</summary>
    // The runtime configuration is what lets `dotnet` start it; a stray dll alone is not a program.
    public string? Find()
        => Candidates().FirstOrDefault(candidate => File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")));

    /// <summary>The path of the program's entry assembly.</summary>
    /// <param name="purpose">What cannot be done without it, completing "… is not installed, so {purpose}".</param>
    /// <exception cref="UserErrorException">The program is not installed; the message lists where it looked.</exception>
    public string Locate(string purpose)
        => Find() ?? throw new UserErrorException(
            $"{Title} is not installed, so {purpose}. Looked for " +
            $"{AssemblyFileName} with its .runtimeconfig.json in: {string.Join(", ", Candidates().Distinct(StringComparer.Ordinal).Select(Path.GetDirectoryName))}. " +
            $"Reference {PackageId} as a NuGet package (its build copies the program into {FolderName}/ next to your program) " +
            $"and build again; a project that references the {PackageId} project instead also needs a reference to {ProjectName}.");

    private IEnumerable<string> Candidates()
    {
        string location = Anchor.Assembly.Location;
        // Empty in single-file applications, whose files sit beside the executable.
        string assemblyFolder = location.Length > 0 ? Path.GetDirectoryName(location)! : AppContext.BaseDirectory;
        yield return Path.Combine(assemblyFolder, FolderName, AssemblyFileName);
        yield return Path.Combine(AppContext.BaseDirectory, FolderName, AssemblyFileName);
        // <package>/lib/net10.0/<assembly>.dll → <package>/tools/<folder>/.
        yield return Path.GetFullPath(Path.Combine(assemblyFolder, "..", "..", "tools", FolderName, AssemblyFileName));
        yield return Path.Combine(assemblyFolder, AssemblyFileName);
    }
}
