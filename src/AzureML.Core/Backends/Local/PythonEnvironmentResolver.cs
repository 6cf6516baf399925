using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Gives an <see cref="Environment"/> its local meaning: an interpreter on this machine that has every Python
/// distribution the environment lists (conda and pip), preferring one whose version matches the environment's
/// Python pin; when the environment lists no packages, one that can import the script's top-level imports.
/// Says which interpreter was chosen and why, every version that differs, and how to get what is missing.
/// </summary>
/// <remarks>
/// A local workspace does not build conda environments: it checks the interpreters that exist. With
/// <c>Python.UserManagedDependencies</c> the configured interpreter is used as it is, unchecked.
/// </remarks>
internal static partial class PythonEnvironmentResolver
{
    private const string ProbeScript = """
        import json, os, sys, importlib.util
        try:
            import importlib.metadata as md
            dists = {}
            for d in md.distributions():
                name = d.metadata.get('Name') or ''
                if name:
                    dists[name] = d.version
        except Exception:
            dists = {}
        try:
            core = importlib.util.find_spec('azureml.core') is not None
        except Exception:
            core = False
        identity = os.path.realpath(sys.executable) + '|' + sys.prefix
        stdlib = sorted(getattr(sys, 'stdlib_module_names', ()))
        print(json.dumps({'executable': sys.executable, 'identity': identity, 'version': '%d.%d.%d' % sys.version_info[:3], 'azureml_core': core, 'dists': dists, 'stdlib': stdlib}))
        """;

    // The current directory is not the script's folder: leave it off the search path.
    private const string ImportProbeScript = """
        import json, sys, importlib.util
        if sys.path and sys.path[0] == '':
            del sys.path[0]
        missing = []
        for name in sys.argv[1:]:
            try:
                found = importlib.util.find_spec(name) is not None
            except Exception:
                found = False
            if not found:
                missing.append(name)
        print(json.dumps(missing))
        """;

    // Conda package names whose Python distribution is called differently.
    private static readonly Dictionary<string, string> s_condaToDistribution = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pytorch"] = "torch",
        ["py-xgboost"] = "xgboost",
        ["pytables"] = "tables",
        ["msgpack-python"] = "msgpack",
    };

    // Import names whose distribution (what pip installs) is called differently.
    private static readonly Dictionary<string, string> s_moduleToDistribution = new(StringComparer.Ordinal)
    {
        ["sklearn"] = "scikit-learn",
        ["skimage"] = "scikit-image",
        ["yaml"] = "pyyaml",
        ["PIL"] = "pillow",
        ["cv2"] = "opencv-python",
        ["bs4"] = "beautifulsoup4",
        ["dateutil"] = "python-dateutil",
    };

    // Conda packages that are not Python distributions (tools, native libraries, the interpreter itself).
    private static readonly HashSet<string> s_notDistributions = new(StringComparer.OrdinalIgnoreCase)
    {
        "python", "pip", "setuptools", "wheel", "nomkl", "mkl", "blas", "libblas", "openblas", "cudatoolkit", "cudnn", "nccl", "git", "ca-certificates", "openssl", "sqlite", "tk", "zlib",
    };

    private static readonly ConcurrentDictionary<string, Lazy<PythonInterpreter?>> s_probes = new(StringComparer.Ordinal);
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The result: an interpreter and what to say about the choice, or why none fits.</summary>
    /// <param name="Interpreter">The interpreter to run, or <c>null</c> when none fits.</param>
    /// <param name="Problem">Why none fits, with what to do.</param>
    /// <param name="Notes">One line each: the choice and its reason, every version that differs, what is missing.</param>
    public sealed record Resolution(PythonInterpreter? Interpreter, string? Problem, IReadOnlyList<string> Notes);

    /// <summary>Chooses the interpreter for <paramref name="environment"/>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="scriptImports">The script's top-level imports (<see cref="PythonScriptImports"/>); they decide when the environment lists no packages.</param>
    public static Resolution Resolve(Environment environment, IReadOnlyList<string> scriptImports)
    {
        PythonSection python = environment.Python;
        PythonVersionPin? pin = PythonVersionPin.Parse(python.CondaDependencies?.PythonVersion);
        if (python.UserManagedDependencies) return UserManaged(environment, pin);

        IReadOnlyList<(string Name, string Spec)> required = RequiredDistributions(python.CondaDependencies);

        // Every interpreter has its standard library; what decides is the rest (numpy, sklearn, …).
        IReadOnlySet<string> standard = Probe("python3")?.StandardModules ?? Probe("/usr/bin/python3")?.StandardModules ?? new HashSet<string>();
        scriptImports = scriptImports.Where(m => !standard.Contains(m)).ToList();
        bool byImports = required.Count == 0 && scriptImports.Count > 0;
        Func<PythonInterpreter, List<string>> missingIn = byImports
            ? interpreter => MissingModules(interpreter, scriptImports)
            : interpreter => required.Where(r => !interpreter.Distributions.ContainsKey(Normalize(r.Name))).Select(r => r.Name).ToList();
        (PythonInterpreter? chosen, List<(PythonInterpreter Interpreter, List<string> Missing)> checkedInterpreters, List<string> probed) = Search(python.InterpreterPath, pin, missingIn);
        if (checkedInterpreters.Count == 0)
        {
            return new Resolution(null, "No Python 3 interpreter was found on this machine (tried 'python3' on PATH and /usr/bin/python3). Install python3, or set Environment.Python.InterpreterPath.", []);
        }

        chosen ??= checkedInterpreters.FirstOrDefault(c => c.Missing.Count == 0).Interpreter;
        if (chosen is null && !byImports)
        {
            // The user is told to install what is missing: look again next time instead of trusting this probe.
            foreach (string candidate in probed) s_probes.TryRemove(candidate, out _);
            List<string> missingEverywhere = checkedInterpreters.MinBy(c => c.Missing.Count).Missing;
            return new Resolution(null,
                $"Environment '{environment.Name}' needs Python distributions that no interpreter on this machine has. Missing: {string.Join(", ", missingEverywhere)}. " +
                $"Checked: {Describe(checkedInterpreters, pin)}. {InstallHint(environment.Name, missingEverywhere.Select(m => (m, m)).ToList())}", []);
        }

        var notes = new List<string>();
        if (chosen is null)
        {
            // The script may still run (an import may be optional after all): take the interpreter that lacks the fewest, and say what it lacks.
            (PythonInterpreter fewest, List<string> lacking) = checkedInterpreters.MinBy(c => c.Missing.Count);
            chosen = fewest;
            notes.Add($"Python: {chosen.Path} (Python {chosen.Version}) for environment '{environment.Name}', although no interpreter here can import every module the script imports. Checked: {Describe(checkedInterpreters, pin)}.");
            notes.Add(InstallHint(environment.Name, lacking.Select(m => (m, s_moduleToDistribution.GetValueOrDefault(m, m))).ToList()));
        }
        else
        {
            var because = new List<string>();
            if (byImports) because.Add($"can import the script's imports ({string.Join(", ", scriptImports)})");
            else if (required.Count > 0) because.Add("has every package the environment lists");
            if (pin is not null && pin.Matches(chosen.Version)) because.Add($"matches {pin}");
            string reason = because.Count == 0 ? "" : ", the first that " + string.Join(" and ", because);
            var passed = checkedInterpreters.TakeWhile(c => c.Interpreter != chosen).ToList();
            notes.Add($"Python: {chosen.Path} (Python {chosen.Version}) for environment '{environment.Name}'{reason}." + (passed.Count == 0 ? "" : $" Passed over: {Describe(passed, pin)}."));
        }

        if (pin is not null && !pin.Matches(chosen.Version))
        {
            IEnumerable<string> found = checkedInterpreters.Select(c => c.Interpreter.Version).Distinct();
            notes.Add($"Python version differs: environment '{environment.Name}' asks for {pin}, but no suitable interpreter here has it (found Python {string.Join(", ", found)}); running on Python {chosen.Version}.");
        }

        notes.AddRange(PackageVersionNotes(chosen, required));
        return new Resolution(chosen, null, notes);
    }

    private static Resolution UserManaged(Environment environment, PythonVersionPin? pin)
    {
        string path = environment.Python.InterpreterPath;
        PythonInterpreter? own = Probe(path);
        if (own is null)
        {
            return new Resolution(null, $"The interpreter '{path}' of environment '{environment.Name}' (user-managed) could not be started. Set Environment.Python.InterpreterPath to a Python 3 executable.", []);
        }

        var notes = new List<string> { $"Python: {own.Path} (Python {own.Version}), the interpreter environment '{environment.Name}' names (user-managed dependencies, not checked)." };
        if (pin is not null && !pin.Matches(own.Version)) notes.Add($"Python version differs: environment '{environment.Name}' asks for {pin}; {own.Path} is Python {own.Version}.");
        return new Resolution(own, null, notes);
    }

    /// <summary>
    /// Probes the usual interpreters, then (only when none of them lacks nothing and matches the pin) the others
    /// (versioned ones on PATH, pyenv, conda), stopping at the first that fits. Returns it (or <c>null</c>),
    /// every distinct interpreter checked with what it lacks, and every candidate probed.
    /// </summary>
    private static (PythonInterpreter?, List<(PythonInterpreter Interpreter, List<string> Missing)>, List<string>) Search(
        string configured, PythonVersionPin? pin, Func<PythonInterpreter, List<string>> missingIn)
    {
        var checkedInterpreters = new List<(PythonInterpreter Interpreter, List<string> Missing)>();
        var probed = new List<string>();
        foreach (IEnumerable<string> tier in new[] { UsualCandidates(configured), OtherCandidates() })
        {
            foreach (string candidate in tier)
            {
                probed.Add(candidate);
                PythonInterpreter? interpreter = Probe(candidate);
                if (interpreter is null || checkedInterpreters.Any(c => c.Interpreter.Identity == interpreter.Identity)) continue;
                List<string> missing = missingIn(interpreter);
                checkedInterpreters.Add((interpreter, missing));
                if (missing.Count == 0 && (pin is null || pin.Matches(interpreter.Version))) return (interpreter, checkedInterpreters, probed);
            }
        }

        return (null, checkedInterpreters, probed);
    }

    /// <summary>The distributions an environment lists, without the interpreter, build tools and azureml-* packages (the SDK provides those).</summary>
    public static IReadOnlyList<(string Name, string Spec)> RequiredDistributions(CondaDependencies? conda)
    {
        if (conda is null) return Array.Empty<(string, string)>();
        var result = new List<(string, string)>();
        foreach (string spec in conda.CondaPackages.Concat(conda.PipPackages))
        {
            Match match = SpecPattern().Match(spec.Trim());
            if (!match.Success) continue;
            string name = match.Groups["name"].Value;
            if (s_condaToDistribution.TryGetValue(name, out string? mapped)) name = mapped;
            if (s_notDistributions.Contains(name) || name.StartsWith("azureml", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("inference-schema", StringComparison.OrdinalIgnoreCase)) continue;
            if (result.Any(r => Normalize(r.Item1) == Normalize(name))) continue;
            result.Add((name, spec));
        }

        return result;
    }

    /// <summary>PEP 503 normalization: case-folded, runs of <c>-_.</c> as one <c>-</c>.</summary>
    public static string Normalize(string name) => NormalizePattern().Replace(name.ToLowerInvariant(), "-");

    /// <summary>Runs the probe once per interpreter per process; <c>null</c> when it cannot be started.</summary>
    public static PythonInterpreter? Probe(string interpreter)
        => s_probes.GetOrAdd(interpreter, path => new Lazy<PythonInterpreter?>(() => RunProbe(path))).Value;

    private static IEnumerable<string> UsualCandidates(string configured)
    {
        if (!string.IsNullOrEmpty(configured) && configured is not "python" and not "python3") yield return configured;
        yield return "python3";
        yield return "/usr/bin/python3";
        yield return "/usr/local/bin/python3";
        yield return "python";
    }

    // Versioned python3.N on PATH, pyenv's installed versions (its shims only run the selected one) and conda's
    // environments: where a machine keeps the other Python versions.
    private static IEnumerable<string> OtherCandidates()
    {
        string home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        string pyenv = System.Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(home, ".pyenv");
        IEnumerable<string> folders = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin"])
            .Where(f => Path.GetFullPath(f) != Path.Combine(pyenv, "shims"))
            .Distinct(StringComparer.Ordinal);
        foreach (string folder in folders.Where(Directory.Exists))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "python3.*").Where(f => VersionedName().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal)) yield return file;
        }

        IEnumerable<string> roots = new[] { Path.Combine(pyenv, "versions") }
            .Concat(new[] { "miniconda3", "anaconda3", "miniforge3" }.Select(c => Path.Combine(home, c, "envs")))
            .Append("/opt/conda/envs");
        foreach (string root in roots.Where(Directory.Exists))
        {
            foreach (string version in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                string interpreter = Path.Combine(version, "bin", "python3");
                if (File.Exists(interpreter)) yield return interpreter;
            }
        }
    }

    private static string Describe(IEnumerable<(PythonInterpreter Interpreter, List<string> Missing)> interpreters, PythonVersionPin? pin)
        => string.Join("; ", interpreters.Select(c => $"{c.Interpreter.Path} (Python {c.Interpreter.Version}) " +
            (c.Missing.Count > 0 ? $"lacks {string.Join(", ", c.Missing)}" : pin is not null && !pin.Matches(c.Interpreter.Version) ? $"is not {pin}" : "has them")));

    /// <summary>
    /// How to get what is <paramref name="missing"/> (each as the environment or script names it, and the
    /// distribution pip installs): the Debian packages that exist, for Debian's interpreter; for the rest a
    /// virtual environment.
    /// </summary>
    private static string InstallHint(string environmentName, IReadOnlyList<(string Name, string Distribution)> missing)
    {
        IReadOnlyDictionary<string, string>? debian = DebianPackages.Find(missing.Select(m => m.Name));
        var packaged = missing.Where(m => debian?.ContainsKey(m.Name) == true).ToList();
        var rest = missing.Except(packaged).ToList();
        var hint = new List<string>();
        if (packaged.Count > 0)
        {
            hint.Add($"Debian packages give /usr/bin/python3 {string.Join(", ", packaged.Select(m => m.Name))}: " +
                $"'sudo apt-get install {string.Join(" ", packaged.Select(m => debian![m.Name]).Distinct())}'.");
        }

        if (rest.Count > 0)
        {
            string venv = $"~/.venvs/{VenvName().Replace(environmentName, "-")}";
            hint.Add((debian is null ? "" : $"No Debian package provides {string.Join(", ", rest.Select(m => m.Name))}. ") +
                $"Make an interpreter that has {(rest.Count == 1 ? "it" : "them")}: 'python3 -m venv --system-site-packages {venv} && " +
                $"{venv}/bin/pip install {string.Join(" ", rest.Select(m => m.Distribution))}', then set Environment.Python.InterpreterPath = " +
                $"\"{venv}/bin/python\" and Python.UserManagedDependencies = true.");
        }

        return string.Join(" ", hint);
    }

    private static List<string> MissingModules(PythonInterpreter interpreter, IReadOnlyList<string> modules)
    {
        string? output = ShortCommand.Run(interpreter.Path, new[] { "-c", ImportProbeScript }.Concat(modules), s_probeTimeout);
        if (output is null) return modules.ToList();
        try
        {
            return JsonSerializer.Deserialize(output.Trim().Split('\n')[^1], Internal.SdkJsonContext.Default.StringArray)?.ToList() ?? modules.ToList();
        }
        catch (JsonException)
        {
            return modules.ToList();
        }
    }

    private static List<string> PackageVersionNotes(PythonInterpreter interpreter, IReadOnlyList<(string Name, string Spec)> required)
    {
        var notes = new List<string>();
        foreach ((string name, string spec) in required)
        {
            Match pin = PinPattern().Match(spec);
            if (pin.Success && interpreter.Distributions.TryGetValue(Normalize(name), out string? actual) && !actual.StartsWith(pin.Groups["version"].Value, StringComparison.Ordinal))
            {
                notes.Add($"Package version differs: {name}: the environment asks for {pin.Groups["version"].Value}, {interpreter.Path} has {actual}.");
            }
        }

        return notes;
    }

    private static PythonInterpreter? RunProbe(string interpreter)
    {
        string? stdout = ShortCommand.Run(interpreter, ["-c", ProbeScript], s_probeTimeout);
        if (stdout is null) return null;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            JsonElement root = doc.RootElement;
            var dists = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty d in root.GetProperty("dists").EnumerateObject()) dists[Normalize(d.Name)] = d.Value.GetString() ?? "";
            string executable = root.GetProperty("executable").GetString() ?? interpreter;
            var stdlib = root.GetProperty("stdlib").EnumerateArray().Select(m => m.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
            return new PythonInterpreter(executable, root.GetProperty("identity").GetString() ?? executable, root.GetProperty("version").GetString() ?? "?",
                root.GetProperty("azureml_core").GetBoolean(), dists, stdlib);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)")]
    private static partial Regex SpecPattern();

    [GeneratedRegex(@"==?(?<version>[0-9][0-9A-Za-z.]*)")]
    private static partial Regex PinPattern();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex NormalizePattern();

    [GeneratedRegex(@"^python3\.[0-9]+$")]
    private static partial Regex VersionedName();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]+")]
    private static partial Regex VenvName();
}
