using System.Xml.Linq;

namespace AzureML.TestUtilities.Packaging;

/// <summary>
/// A temporary folder feed holding packages packed from this repository, fresh consumer projects outside the
/// repository that install them by <c>PackageReference</c> the way a user would, and .NET tools installed from it into
/// a folder. Each feed packs in its own artifacts
/// folder and restores into its own package folder, so concurrent packaging tests never share build outputs and a
/// package rebuilt with the same version is never served stale from the machine's NuGet cache. Packages the repository
/// did not build still come from the machine's cache and the repository's own sources.
/// </summary>
public sealed class LocalPackageFeed : IDisposable
{
    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(8);
    private readonly string _root;
    private readonly string _repositoryRoot;

    private LocalPackageFeed(string root, string repositoryRoot)
    {
        _root = root;
        _repositoryRoot = repositoryRoot;
        Directory.CreateDirectory(FeedFolder);
    }

    /// <summary>The folder the packages are in (a NuGet source).</summary>
    public string FeedFolder => Path.Combine(_root, "feed");

    // Restores from this feed go to their own package folder, so a package rebuilt with an unchanged version is never
    // taken stale from the machine's cache.
    private string PackagesFolder => Path.Combine(_root, "packages");

    /// <summary>The version every package of the repository was packed with (from Directory.Build.props).</summary>
    public string Version { get; private set; } = "";

    /// <summary>The <c>.nupkg</c> files of the feed.</summary>
    public IReadOnlyList<string> Packages => Directory.GetFiles(FeedFolder, "*.nupkg");

    /// <summary>Packs <paramref name="projects"/> (paths relative to the repository root) in Release into a new feed.</summary>
    /// <param name="repositoryRoot">The folder of AzureML.Sdk.sln.</param>
    /// <param name="projects">The projects to pack, for example <c>src/AzureML.Core/AzureML.Core.csproj</c>.</param>
    public static LocalPackageFeed Pack(string repositoryRoot, params string[] projects) => Pack(repositoryRoot, projects, versionSuffix: null);

    /// <summary>
    /// Packs <paramref name="projects"/> in Release into a new feed with a prerelease <paramref name="versionSuffix"/>
    /// (<c>0.1.0-&lt;suffix&gt;</c>), so that the packages can never be confused with ones of the same version that some
    /// package cache already holds.
    /// </summary>
    /// <param name="repositoryRoot">The folder of AzureML.Sdk.sln.</param>
    /// <param name="projects">The projects to pack.</param>
    /// <param name="versionSuffix">
    /// The prerelease label, or null for the repository's version as it is. It labels the packages only: the assemblies
    /// keep the repository's version, so a kept <paramref name="buildFolder"/> stays up to date from one label to the next.
    /// </param>
    /// <param name="buildFolder">
    /// Where the Release build goes; null for a folder of the feed's own, deleted with it. A folder kept between runs
    /// makes every pack after the first an incremental build.
    /// </param>
    /// <param name="properties">More MSBuild properties for the packs.</param>
    public static LocalPackageFeed Pack(string repositoryRoot, IReadOnlyList<string> projects, string? versionSuffix,
        string? buildFolder = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var feed = new LocalPackageFeed(Directory.CreateTempSubdirectory("azureml-feed-").FullName, repositoryRoot);
        try
        {
            string[] suffix = versionSuffix is null ? [] : [$"-p:VersionSuffix={versionSuffix}"];
            feed.Version = DotnetCommand.Run(repositoryRoot, new Dictionary<string, string?>(), s_packTimeout,
                    ["msbuild", Path.Combine(repositoryRoot, projects[0]), "-getProperty:Version", .. suffix])
                .EnsureSuccess("Reading the package version").Output.Trim();
            string[] extra = (properties ?? new Dictionary<string, string>()).Select(p => $"-p:{p.Key}={p.Value}").ToArray();
            string[] label = versionSuffix is null ? [] : [$"-p:PackageVersion={feed.Version}"];
            foreach (string project in projects)
            {
                DotnetCommand.Run(repositoryRoot, new Dictionary<string, string?>(), s_packTimeout,
                        ["pack", Path.Combine(repositoryRoot, project), "-c", "Release", "-o", feed.FeedFolder,
                        "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={buildFolder ?? Path.Combine(feed._root, "artifacts")}", .. label, .. extra])
                    .EnsureSuccess($"Packing {project}");
            }

            return feed;
        }
        catch
        {
            feed.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates a console project outside the repository with <paramref name="program"/> as its Program.cs, referencing
    /// <paramref name="packageIds"/> at <see cref="Version"/> from this feed.
    /// </summary>
    /// <param name="name">The project name.</param>
    /// <param name="program">The C# program.</param>
    /// <param name="packageIds">The packages to reference.</param>
    /// <param name="extraProperties">More MSBuild properties for the project, for example <c>RuntimeIdentifier</c>.</param>
    public ConsumerProject CreateConsumer(string name, string program, string[] packageIds, IReadOnlyDictionary<string, string>? extraProperties = null)
    {
        string folder = Path.Combine(_root, "consumers", name);
        Directory.CreateDirectory(folder);
        // Empty MSBuild files stop the search upwards, so nothing from the folders above shapes the consumer's build.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        var properties = new XElement("PropertyGroup",
            new XElement("OutputType", "Exe"),
            new XElement("TargetFramework", "net10.0"),
            new XElement("ImplicitUsings", "enable"),
            new XElement("Nullable", "enable"),
            new XElement("TreatWarningsAsErrors", "true"));
        foreach ((string key, string value) in extraProperties ?? new Dictionary<string, string>())
            properties.Add(new XElement(key, value));
        new XDocument(new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
                properties,
                new XElement("ItemGroup", packageIds.Select(id => new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", Version))))))
            .Save(Path.Combine(folder, name + ".csproj"));
        WriteNuGetConfig(Path.Combine(folder, "nuget.config"));
        return new ConsumerProject(folder, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder });
    }

    /// <summary>
    /// Installs the .NET tool <paramref name="packageId"/> at <see cref="Version"/> from this feed into
    /// <paramref name="toolPath"/> with <c>dotnet tool install --tool-path</c>, as a user installs a tool into a folder.
    /// </summary>
    /// <param name="packageId">The tool's package id, for example <c>azml</c>.</param>
    /// <param name="toolPath">The folder that receives the tool's command.</param>
    /// <returns><paramref name="toolPath"/>, to put first on PATH.</returns>
    public string InstallTool(string packageId, string toolPath)
    {
        string config = Path.Combine(_root, "tool-install", "nuget.config");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        WriteNuGetConfig(config);
        ProcessCommand.Run("dotnet", Path.GetDirectoryName(config)!, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder }, s_packTimeout,
                "tool", "install", packageId, "--version", Version, "--tool-path", toolPath, "--configfile", config)
            .EnsureSuccess($"Installing the tool {packageId} {Version}");
        return toolPath;
    }

    /// <summary>Deletes the feed, its build outputs and its consumers.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A consumer's service may still hold a file open; the temp folder is cleaned up by the OS eventually.
        }
    }

    // This feed first, then every source the repository itself restores from; the machine's package cache is a
    // fallback folder, so dependencies already there are not downloaded again.
    private void WriteNuGetConfig(string path)
    {
        var sources = new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "local-feed"), new XAttribute("value", FeedFolder)));
        XDocument repositoryConfig = XDocument.Load(Path.Combine(_repositoryRoot, "nuget.config"));
        foreach (XElement source in repositoryConfig.Descendants("packageSources").Elements("add"))
            sources.Add(new XElement(source));
        string machineCache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        new XDocument(new XElement("configuration",
                sources,
                new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine-cache"), new XAttribute("value", machineCache)))))
            .Save(path);
    }
}
