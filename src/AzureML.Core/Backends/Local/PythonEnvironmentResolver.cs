using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Gives an <see cref="Environment"/> its local meaning: the first interpreter on this machine that has
/// every Python distribution the environment lists (conda and pip), or a precise list of what is missing.
/// </summary>
/// <remarks>
/// A local workspace does not build conda environments: it checks the interpreters that exist. With
/// <c>Python.UserManagedDependencies</c> the configured interpreter is used as it is, unchecked.
/// </remarks>
internal static partial class PythonEnvironmentResolver
{
    private const string ProbeScript = """
        import json, sys, importlib.util
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
        print(json.dumps({'executable': sys.executable, 'version': '%d.%d.%d' % sys.version_info[:3], 'azureml_core': core, 'dists': dists}))
        """;

    // Conda package names whose Python distribution is called differently.
    private static readonly Dictionary<string, string> s_condaToDistribution = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pytorch"] = "torch",
        ["py-xgboost"] = "xgboost",
        ["pytables"] = "tables",
        ["msgpack-python"] = "msgpack",
    };

    // Conda packages that are not Python distributions (tools, native libraries, the interpreter itself).
    private static readonly HashSet<string> s_notDistributions = new(StringComparer.OrdinalIgnoreCase)
    {
        "python", "pip", "setuptools", "wheel", "nomkl", "mkl", "blas", "libblas", "openblas", "cudatoolkit", "cudnn", "nccl", "git", "ca-certificates", "openssl", "sqlite", "tk", "zlib",
    };

    private static readonly ConcurrentDictionary<string, Lazy<PythonInterpreter?>> s_probes = new(StringComparer.Ordinal);
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The result: an interpreter, or why none fits.</summary>
    public sealed record Resolution(PythonInterpreter? Interpreter, string? Problem, IReadOnlyList<string> VersionNotes);

    public static Resolution Resolve(Environment environment)
    {
        PythonSection python = environment.Python;
        if (python.UserManagedDependencies)
        {
            PythonInterpreter? own = Probe(python.InterpreterPath);
            return own is null
                ? new Resolution(null, $"The interpreter '{python.InterpreterPath}' of environment '{environment.Name}' (user-managed) could not be started. Set Environment.Python.InterpreterPath to a Python 3 executable.", Array.Empty<string>())
                : new Resolution(own, null, Array.Empty<string>());
        }

        IReadOnlyList<(string Name, string Spec)> required = RequiredDistributions(python.CondaDependencies);
        var checkedInterpreters = new List<(PythonInterpreter Interpreter, List<string> Missing)>();
        foreach (string candidate in Candidates(python.InterpreterPath))
        {
            PythonInterpreter? interpreter = Probe(candidate);
            if (interpreter is null || checkedInterpreters.Any(c => c.Interpreter.Path == interpreter.Path)) continue;
            List<string> missing = required.Where(r => !interpreter.Distributions.ContainsKey(Normalize(r.Name))).Select(r => r.Name).ToList();
            if (missing.Count == 0) return new Resolution(interpreter, null, VersionNotes(interpreter, required));
            checkedInterpreters.Add((interpreter, missing));
        }

        if (checkedInterpreters.Count == 0)
        {
            return new Resolution(null, "No Python 3 interpreter was found on this machine (tried 'python3' on PATH and /usr/bin/python3). Install python3, or set Environment.Python.InterpreterPath.", Array.Empty<string>());
        }

        // The user is told to install what is missing: look again next time instead of trusting this probe.
        foreach (string candidate in Candidates(python.InterpreterPath)) s_probes.TryRemove(candidate, out _);

        List<string> missingEverywhere = checkedInterpreters[0].Missing;
        string detail = string.Join("; ", checkedInterpreters.Select(c => $"{c.Interpreter.Path} (Python {c.Interpreter.Version}) lacks {string.Join(", ", c.Missing)}"));
        return new Resolution(null,
            $"Environment '{environment.Name}' needs Python distributions that no interpreter on this machine has. Missing: {string.Join(", ", missingEverywhere)}. " +
            $"Checked: {detail}. Install them into one of these interpreters (for example 'pip install {string.Join(" ", missingEverywhere)}', or on Debian " +
            $"'apt-get install {string.Join(" ", missingEverywhere.Select(DebianPackageGuess))}'), or point Environment.Python.InterpreterPath at an interpreter that has them " +
            "and set Python.UserManagedDependencies = true.", Array.Empty<string>());
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

    private static IEnumerable<string> Candidates(string configured)
    {
        if (!string.IsNullOrEmpty(configured) && configured is not "python" and not "python3") yield return configured;
        yield return "python3";
        yield return "/usr/bin/python3";
        yield return "/usr/local/bin/python3";
        yield return "python";
    }

    private static List<string> VersionNotes(PythonInterpreter interpreter, IReadOnlyList<(string Name, string Spec)> required)
    {
        var notes = new List<string>();
        foreach ((string name, string spec) in required)
        {
            Match pin = PinPattern().Match(spec);
            if (pin.Success && interpreter.Distributions.TryGetValue(Normalize(name), out string? actual) && !actual.StartsWith(pin.Groups["version"].Value, StringComparison.Ordinal))
            {
                notes.Add($"{name}: environment asks for {pin.Groups["version"].Value}, {interpreter.Path} has {actual}");
            }
        }

        return notes;
    }

    private static string DebianPackageGuess(string distribution) => Normalize(distribution) switch
    {
        "scikit-learn" => "python3-sklearn",
        var n => "python3-" + n,
    };

    /// <summary>Runs the probe once per interpreter per process; <c>null</c> when it cannot be started.</summary>
    public static PythonInterpreter? Probe(string interpreter)
        => s_probes.GetOrAdd(interpreter, path => new Lazy<PythonInterpreter?>(() => RunProbe(path))).Value;

    private static PythonInterpreter? RunProbe(string interpreter)
    {
        try
        {
            var start = new ProcessStartInfo(interpreter)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(ProbeScript);
            using Process process = Process.Start(start)!;
            process.StandardInput.Close();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(s_probeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            _ = stderr.Result;
            string stdout = output.Result;
            if (process.ExitCode != 0) return null;
            using JsonDocument doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            JsonElement root = doc.RootElement;
            var dists = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty d in root.GetProperty("dists").EnumerateObject()) dists[Normalize(d.Name)] = d.Value.GetString() ?? "";
            string executable = root.GetProperty("executable").GetString() ?? interpreter;
            return new PythonInterpreter(executable, root.GetProperty("version").GetString() ?? "?", root.GetProperty("azureml_core").GetBoolean(), dists);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException or KeyNotFoundException)
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
}
