using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Internal;
using YamlDotNet.RepresentationModel;

namespace AzureML.Core;

/// <summary>
/// The conda and pip packages of an environment: a conda specification file (<c>name</c>, <c>channels</c>,
/// <c>dependencies</c> with an optional <c>- pip: [...]</c> list). Mirrors
/// <c>azureml.core.conda_dependencies.CondaDependencies</c>. Keys and entries this type does not interpret
/// are kept, so a file read and saved again keeps its content and order.
/// </summary>
public sealed class CondaDependencies
{
    /// <summary>The Python version <see cref="Create"/> pins when none is given.</summary>
    public const string DefaultPythonVersion = "3.8.13";

    /// <summary>The azureml-core release that <c>pinSdkVersion</c> pins <c>azureml-*</c> pip packages to.</summary>
    public const string PinnedSdkVersion = "1.60.0";

    private const string DependenciesKey = "dependencies";
    private const string ChannelsKey = "channels";
    private const string PipKey = "pip";

    // The document itself is the model, so that whatever a file holds survives a save.
    private readonly JsonObject _document;
    private readonly string? _filePath;

    /// <summary>Creates an empty specification named <c>project_environment</c>.</summary>
    public CondaDependencies()
    {
        _document = new JsonObject { ["name"] = "project_environment", [DependenciesKey] = new JsonArray() };
    }

    /// <summary>Reads a conda specification file (the <c>environment.yml</c> form).</summary>
    /// <param name="condaDependenciesFilePath">The file.</param>
    /// <exception cref="UserErrorException">The file is missing, not YAML, or not a conda specification; the message names the file and line.</exception>
    public CondaDependencies(string condaDependenciesFilePath)
    {
        Argument.NotNullOrEmpty(condaDependenciesFilePath, nameof(condaDependenciesFilePath));
        string full = Path.GetFullPath(condaDependenciesFilePath);
        if (!File.Exists(full))
        {
            throw new UserErrorException($"The conda specification file '{full}' does not exist.");
        }

        string source = $"Conda specification '{full}'";
        _document = Validate(YamlJson.Parse(File.ReadAllText(full), source), source, keyPrefix: "");
        _filePath = full;
    }

    private CondaDependencies(JsonObject document) => _document = document;

    /// <summary>Conda packages with their version specs, in file order, excluding <c>python</c> itself.</summary>
    public IReadOnlyList<string> CondaPackages => CondaSpecs().Where(s => PackageSpec.CondaName(s) != "python").ToList();

    /// <summary>Pip packages with their version specs, in file order, excluding pip options.</summary>
    public IReadOnlyList<string> PipPackages => PipEntries().Where(e => !PackageSpec.IsPipOption(e)).ToList();

    /// <summary>Pip options such as <c>--index-url https://…</c> or <c>--extra-index-url …</c>.</summary>
    public IReadOnlyList<string> PipOptions => PipEntries().Where(PackageSpec.IsPipOption).ToList();

    /// <summary>Conda channels, in order.</summary>
    public IReadOnlyList<string> CondaChannels => Strings(_document[ChannelsKey] as JsonArray).ToList();

    /// <summary>The Python version (for example <c>3.8.13</c> from <c>python=3.8.13</c>), or <c>null</c> when not pinned.</summary>
    public string? PythonVersion
    {
        get
        {
            string? spec = CondaSpecs().FirstOrDefault(s => PackageSpec.CondaName(s) == "python");
            return spec is null ? null : PackageSpec.PythonVersionOf(spec);
        }
    }

    /// <summary>
    /// Creates a specification the way azureml-core does: the Python version, <c>pip</c>, the conda packages,
    /// and a pip list with <c>azureml-defaults</c> and the pip packages; channels <c>anaconda</c> and
    /// <c>conda-forge</c>.
    /// </summary>
    /// <param name="pipPackages">Pip packages with optional version specs.</param>
    /// <param name="condaPackages">Conda packages with optional version specs.</param>
    /// <param name="pythonVersion">The Python version; default <see cref="DefaultPythonVersion"/>.</param>
    /// <param name="pipIndexUrl">A pip index to install from instead of PyPI.</param>
    /// <param name="pinSdkVersion">Pin <c>azureml-*</c> pip packages without a version spec to <see cref="PinnedSdkVersion"/>.</param>
    public static CondaDependencies Create(IEnumerable<string>? pipPackages = null, IEnumerable<string>? condaPackages = null,
        string? pythonVersion = null, string? pipIndexUrl = null, bool pinSdkVersion = true)
    {
        var dependencies = new CondaDependencies();
        dependencies.SetPythonVersion(pythonVersion ?? DefaultPythonVersion);
        dependencies.AddCondaPackage("pip");
        foreach (string package in condaPackages ?? []) dependencies.AddCondaPackage(package);
        foreach (string package in new[] { "azureml-defaults" }.Concat(pipPackages ?? []))
        {
            bool pin = pinSdkVersion && PackageSpec.PipName(package).StartsWith("azureml-", StringComparison.Ordinal) && !PackageSpec.HasVersion(package);
            dependencies.AddPipPackage(pin ? $"{package.Trim()}~={PinnedSdkVersion}" : package);
        }

        if (pipIndexUrl is not null) dependencies.SetPipOption($"--index-url {pipIndexUrl}");
        dependencies.AddChannel("anaconda");
        dependencies.AddChannel("conda-forge");
        return dependencies;
    }

    /// <summary>Adds a conda package, or replaces the spec of that package when it is already listed.</summary>
    /// <param name="condaPackage">A package name with an optional version spec, for example <c>numpy=1.21</c>.</param>
    public void AddCondaPackage(string condaPackage)
    {
        Argument.NotNullOrEmpty(condaPackage, nameof(condaPackage));
        JsonArray dependencies = Dependencies();
        int existing = IndexOf(dependencies, condaPackage, PackageSpec.CondaName);
        if (existing >= 0)
        {
            dependencies[existing] = condaPackage;
            return;
        }

        // Conda specs go before the pip list, where conda and readers expect them.
        int firstMapping = dependencies.ToList().FindIndex(d => d is JsonObject);
        dependencies.Insert(firstMapping < 0 ? dependencies.Count : firstMapping, condaPackage);
    }

    /// <summary>Removes a conda package whatever its version spec; does nothing when it is not listed.</summary>
    /// <param name="condaPackage">The package name (a version spec, if given, is ignored).</param>
    public void RemoveCondaPackage(string condaPackage) => RemoveMatching(Dependencies(), condaPackage, PackageSpec.CondaName);

    /// <summary>Adds a pip package, or replaces the spec of that package when it is already listed.</summary>
    /// <param name="pipPackage">A package name with an optional version spec, for example <c>scikit-learn==1.0.2</c>.</param>
    public void AddPipPackage(string pipPackage)
    {
        Argument.NotNullOrEmpty(pipPackage, nameof(pipPackage));
        JsonArray pip = PipList(create: true)!;
        int existing = IndexOf(pip, pipPackage, PackageSpec.PipName);
        if (existing >= 0) pip[existing] = pipPackage;
        else pip.Add(pipPackage);
    }

    /// <summary>Removes a pip package whatever its version spec; does nothing when it is not listed.</summary>
    /// <param name="pipPackage">The package name (a version spec, if given, is ignored).</param>
    public void RemovePipPackage(string pipPackage)
    {
        JsonArray? pip = PipList(create: false);
        if (pip is not null) RemoveMatching(pip, pipPackage, PackageSpec.PipName);
    }

    /// <summary>
    /// Sets a pip option such as <c>--extra-index-url https://…</c>. An <c>--index-url</c> replaces the one
    /// already set; other options are added unless the same line is there. Options are kept ahead of the
    /// packages.
    /// </summary>
    /// <param name="pipOption">The option line.</param>
    /// <exception cref="UserErrorException">The text is not an option (it must start with <c>-</c>).</exception>
    public void SetPipOption(string pipOption)
    {
        Argument.NotNullOrEmpty(pipOption, nameof(pipOption));
        if (!PackageSpec.IsPipOption(pipOption))
        {
            throw new UserErrorException($"'{pipOption}' is not a pip option; options start with '-' (for example '--extra-index-url https://…'). Use AddPipPackage for packages.");
        }

        JsonArray pip = PipList(create: true)!;
        int existing = IndexOf(pip, pipOption, e => PackageSpec.IsPipOption(e) ? PackageSpec.OptionKey(e) : "\0" + e);
        if (existing >= 0)
        {
            pip[existing] = pipOption;
            return;
        }

        int firstPackage = pip.ToList().FindIndex(e => e is JsonValue v && !PackageSpec.IsPipOption(v.ToString()));
        pip.Insert(firstPackage < 0 ? pip.Count : firstPackage, pipOption);
    }

    /// <summary>Adds a conda channel unless it is already listed.</summary>
    /// <param name="channel">The channel name or URL.</param>
    public void AddChannel(string channel)
    {
        Argument.NotNullOrEmpty(channel, nameof(channel));
        if (_document[ChannelsKey] is not JsonArray channels)
        {
            channels = new JsonArray();
            _document[ChannelsKey] = channels;
        }

        if (!Strings(channels).Contains(channel, StringComparer.Ordinal)) channels.Add(channel);
    }

    /// <summary>Removes a conda channel; does nothing when it is not listed.</summary>
    /// <param name="channel">The channel name or URL.</param>
    public void RemoveChannel(string channel)
    {
        if (_document[ChannelsKey] is JsonArray channels) RemoveMatching(channels, channel, c => c);
    }

    /// <summary>Pins the Python version, replacing any <c>python</c> spec.</summary>
    /// <param name="version">For example <c>3.10</c> or <c>3.8.13</c>.</param>
    public void SetPythonVersion(string version)
    {
        Argument.NotNullOrEmpty(version, nameof(version));
        JsonArray dependencies = Dependencies();
        int existing = IndexOf(dependencies, "python", PackageSpec.CondaName);
        if (existing >= 0) dependencies[existing] = $"python={version}";
        else dependencies.Insert(0, $"python={version}");
    }

    /// <summary>The specification as conda YAML, the content of a <c>conda_dependencies.yml</c>.</summary>
    public string SerializeToString() => YamlJson.Emit(_document);

    /// <summary>Writes the specification as conda YAML.</summary>
    /// <param name="path">The file to write; default the file this specification was read from.</param>
    /// <returns>The full path of the file written.</returns>
    /// <exception cref="UserErrorException">No path was given and the specification was not read from a file.</exception>
    public string Save(string? path = null)
    {
        string target = path is not null ? Path.GetFullPath(path)
            : _filePath ?? throw new UserErrorException("This conda specification was not read from a file; pass the path to save it to.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, SerializeToString());
        return target;
    }

    /// <inheritdoc />
    public override string ToString() => SerializeToString();

    /// <summary>The specification as a JSON object (the <c>condaDependencies</c> value of an environment definition).</summary>
    internal JsonObject ToNode() => (JsonObject)_document.DeepClone();

    /// <summary>Reads an inline specification (a <c>condaDependencies</c> value of a run configuration or definition).</summary>
    internal static CondaDependencies FromYaml(YamlNode node, string source, string keyPath) => new(Validate(node, source, keyPath + "."));

    // Checks the shape conda itself requires before taking the document as the model.
    private static JsonObject Validate(YamlNode? root, string source, string keyPrefix)
    {
        if (root is not YamlMappingNode mapping)
        {
            throw new UserErrorException($"{source}, line {root?.Start.Line ?? 1}: a conda specification must be a mapping with 'name', 'channels' and 'dependencies'.");
        }

        foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
        {
            string key = YamlJson.KeyText(keyNode);
            if (key == ChannelsKey) RequireScalars(value, source, keyPrefix + key);
            if (key != DependenciesKey || IsEmpty(value)) continue;
            if (value is not YamlSequenceNode dependencies)
            {
                throw ShapeError(value, source, keyPrefix + key, "must be a list of package specs and an optional '- pip: [...]' list");
            }

            foreach (YamlNode item in dependencies.Children)
            {
                if (item is YamlMappingNode nested && nested.Children.TryGetValue(new YamlScalarNode(PipKey), out YamlNode? pip))
                {
                    RequireScalars(pip, source, $"{keyPrefix}{key}.pip");
                }
                else if (item is YamlSequenceNode)
                {
                    throw ShapeError(item, source, keyPrefix + key, "entries must be package specs such as 'numpy=1.21' or a '- pip: [...]' list");
                }
            }
        }

        return (JsonObject)YamlJson.ToJson(mapping)!;
    }

    private static void RequireScalars(YamlNode node, string source, string key)
    {
        if (IsEmpty(node)) return;
        if (node is not YamlSequenceNode list || list.Children.Any(c => c is not YamlScalarNode))
        {
            throw ShapeError(node, source, key, "must be a list of names");
        }
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode scalar && YamlJson.ResolveScalar(scalar) is null;

    private static UserErrorException ShapeError(YamlNode node, string source, string key, string problem)
        => new($"{source}, line {node.Start.Line}: '{key}' {problem}.");

    private JsonArray Dependencies()
    {
        if (_document[DependenciesKey] is JsonArray dependencies) return dependencies;
        dependencies = new JsonArray();
        _document[DependenciesKey] = dependencies;
        return dependencies;
    }

    private JsonArray? PipList(bool create)
    {
        JsonArray dependencies = create ? Dependencies() : _document[DependenciesKey] as JsonArray ?? new JsonArray();
        JsonObject? holder = dependencies.OfType<JsonObject>().FirstOrDefault(o => o.ContainsKey(PipKey));
        if (holder is null)
        {
            if (!create) return null;
            holder = new JsonObject { [PipKey] = new JsonArray() };
            dependencies.Add(holder);
        }

        if (holder[PipKey] is not JsonArray pip && create)
        {
            pip = new JsonArray();
            holder[PipKey] = pip;
        }

        return holder[PipKey] as JsonArray;
    }

    private IEnumerable<string> CondaSpecs() => Strings(_document[DependenciesKey] as JsonArray);

    private IEnumerable<string> PipEntries() => Strings(PipList(create: false));

    private static IEnumerable<string> Strings(JsonArray? array)
        => array?.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()) ?? [];

    private static int IndexOf(JsonArray list, string spec, Func<string, string> nameOf)
    {
        string name = nameOf(spec);
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && nameOf(v.GetValue<string>()) == name) return i;
        }

        return -1;
    }

    private static void RemoveMatching(JsonArray list, string spec, Func<string, string> nameOf)
    {
        for (int i; (i = IndexOf(list, spec, nameOf)) >= 0;) list.RemoveAt(i);
    }
}
