using System.Diagnostics;
using AzureML.Core.Internal;
using AzureML.Core.Webservices.Hosting;

namespace AzureML.Core.Backends.Local;

/// <summary>
/// Lays out one generation of a local service and starts its host in its own session, with its output
/// going to the service log, so the service outlives the program that deployed it (as a container would).
/// ONNX models are served by the .NET scoring host (<c>dotnet AzureML.Core.Hosting.dll serve</c>, see
/// <see cref="LocalHostProgram"/>); entry scripts and no-code scikit-learn models by the Python scoring host.
/// </summary>
internal sealed class LocalServiceLauncher
{
    private const string Wrapper = "exec \"$@\" >>\"$AZUREML_SERVICE_LOG\" 2>&1";
    private readonly LocalBackend _backend;

    public LocalServiceLauncher(LocalBackend backend) => _backend = backend;

    /// <summary>
    /// Lays out one generation of a service (models, entry script source, host configuration) and works out
    /// the host command, without starting anything, so a problem (a missing model, no suitable interpreter)
    /// surfaces while the current generation still runs. Nothing is left behind when it throws.
    /// </summary>
    public PreparedServiceHost Prepare(string name, long generation, LocalServiceDefinition definition, bool authEnabled, int port)
    {
        var layout = new LocalServiceLayout(_backend, name, generation);
        if (Directory.Exists(layout.Generation)) Directory.Delete(layout.Generation, recursive: true);
        Directory.CreateDirectory(layout.Generation);
        try
        {
            return Lay(name, layout, definition, authEnabled, port);
        }
        catch
        {
            Directory.Delete(layout.Generation, recursive: true);
            throw;
        }
    }

    private PreparedServiceHost Lay(string name, LocalServiceLayout layout, LocalServiceDefinition definition, bool authEnabled, int port)
    {
        foreach (ModelReference model in definition.Models)
        {
            FolderCopy.CopyTree(ModelFolder(model), Path.Combine(layout.ModelsFolder, model.Name, model.Version));
        }

        string modelDir = definition.Models.Count == 1
            ? Path.Combine(layout.ModelsFolder, definition.Models[0].Name, definition.Models[0].Version)
            : layout.ModelsFolder;
        string? entryScript = definition.EntryScript is null ? null : CopySource(definition, layout);
        string mode = entryScript is not null ? ServiceHostConfig.EntryScriptMode : NoCodeMode(definition.Models);
        var config = new ServiceHostConfig
        {
            ServiceName = name,
            Mode = mode,
            Port = port,
            ModelDir = modelDir,
            ModelPath = mode == ServiceHostConfig.EntryScriptMode ? null : FindModelFile(modelDir, mode),
            EntryScript = entryScript,
            SourceDirectory = entryScript is null ? null : layout.SourceFolder,
            AuthFile = authEnabled ? layout.AuthFile : null,
            ReadyFile = layout.ReadyFile,
            FailedFile = layout.FailedFile,
        };
        File.WriteAllText(layout.ConfigFile, config.ToJson());

        var variables = new Dictionary<string, string>
        {
            ["AZUREML_SERVICE_LOG"] = layout.LogFile,
            ["AZUREML_MODEL_DIR"] = modelDir,
            ["PYTHONUNBUFFERED"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        (string program, List<string> arguments) = mode == ServiceHostConfig.OnnxMode
            ? LocalHostProgram.Command(LocalHostProgram.Locate("ONNX models cannot be deployed locally"), LocalHostProgram.ServeVerb, layout.ConfigFile)
            : PythonHost(definition, layout, variables, entryScript);
        return new PreparedServiceHost(layout, program, arguments, variables);
    }

    // The entry script's folder is snapshotted like a run's source (ignore files honoured, the workspace itself
    // excluded, so a project-local workspace is never copied into its own services); a lone script is copied alone.
    private string CopySource(LocalServiceDefinition definition, LocalServiceLayout layout)
    {
        string script = definition.EntryScript!;
        if (definition.SourceDirectory is null)
        {
            Directory.CreateDirectory(layout.SourceFolder);
            string target = Path.Combine(layout.SourceFolder, Path.GetFileName(script));
            File.Copy(script, target);
            return target;
        }

        string relative = Path.GetRelativePath(definition.SourceDirectory, script);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new UserErrorException($"The entry script '{script}' is not inside the source directory '{definition.SourceDirectory}'.");
        }

        SnapshotPlan plan = SnapshotPlan.Create(definition.SourceDirectory, new[] { _backend.Root });
        relative = relative.Replace('\\', '/');
        if (plan.WhyLeftOut(relative) is string reason)
        {
            throw new UserErrorException($"The entry script '{relative}' is not in the snapshot of '{definition.SourceDirectory}' because {reason}, so the service could not import it.");
        }

        plan.CheckLimits(SnapshotLimits.Default);
        plan.CopyTo(layout.SourceFolder);
        File.AppendAllLines(layout.LogFile, plan.Notes()); // before the host's own lines: what GetLogs() shows first
        return Path.Combine(layout.SourceFolder, relative);
    }

    private (string, List<string>) PythonHost(LocalServiceDefinition definition, LocalServiceLayout layout, Dictionary<string, string> variables, string? entryScript)
    {
        Environment environment = definition.EnvironmentJson is null ? NoCodeEnvironment() : AzureML.Core.EnvironmentJson.Deserialize(definition.EnvironmentJson);
        IReadOnlyList<string> imports = entryScript is null ? [] : PythonScriptImports.Read(entryScript, layout.SourceFolder);
        PythonEnvironmentResolver.Resolution resolution = PythonEnvironmentResolver.Resolve(environment, imports);
        if (resolution.Interpreter is null)
        {
            throw new UserErrorException($"The service cannot start: {resolution.Problem}");
        }

        File.AppendAllLines(layout.LogFile, resolution.Notes); // which interpreter serves, and why: the first lines GetLogs() shows

        var path = new List<string>();
        if (!resolution.Interpreter.HasAzureMLCore) path.Add(EmbeddedFolder.PythonShim.Install(_backend.Root));
        if (definition.EntryScript is not null) path.Add(layout.SourceFolder);
        string? existing = System.Environment.GetEnvironmentVariable("PYTHONPATH");
        if (!string.IsNullOrEmpty(existing)) path.Add(existing);
        variables["PYTHONPATH"] = string.Join(Path.PathSeparator, path);
        foreach ((string key, string value) in environment.EnvironmentVariables) variables[key] = value;
        string host = Path.Combine(EmbeddedFolder.ScoringHost.Install(_backend.Root), "scoring_host.py");
        return (resolution.Interpreter.Path, new List<string> { host, layout.ConfigFile });
    }

    // No-code scikit-learn services need scikit-learn and joblib, like azureml's prebuilt inference image.
    private static Environment NoCodeEnvironment()
    {
        var environment = new Environment("sklearn-no-code");
        environment.Python.CondaDependencies = new CondaDependencies();
        environment.Python.CondaDependencies.AddCondaPackage("scikit-learn");
        environment.Python.CondaDependencies.AddCondaPackage("joblib");
        return environment;
    }

    /// <summary>Starts a prepared host in its own session; returns its pid and start ticks.</summary>
    public (int Pid, long StartTicks) Launch(PreparedServiceHost host)
    {
        (LocalServiceLayout layout, string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> variables) = host;
        ProcessStartInfo start = SessionProcess.StartInfo(Wrapper, "azureml-service", layout.Generation, program, arguments, variables);
        using Process process = Process.Start(start) ?? throw new AzureMLException($"Could not start the service host '{program}'.");
        process.StandardInput.Close();
        return (process.Id, ProcessIdentity.StartTicks(process.Id));
    }

    private static string NoCodeMode(IReadOnlyList<ModelReference> models)
    {
        if (models.Count != 1)
        {
            throw new UserErrorException($"A deployment without an inference configuration serves exactly one model; got {models.Count}. Pass an InferenceConfig with an entry script to serve several.");
        }

        return models[0].Framework switch
        {
            "Onnx" => ServiceHostConfig.OnnxMode,
            "ScikitLearn" => ServiceHostConfig.SklearnMode,
            string other => throw new UserErrorException(
                $"Model '{models[0].Id}' has the framework '{other}'; deployments without an inference configuration serve Onnx and ScikitLearn models. " +
                "Register the model with modelFramework: Model.Framework.Onnx or ScikitLearn, or pass an InferenceConfig with an entry script."),
        };
    }

    private static string FindModelFile(string modelDir, string mode)
    {
        string[] extensions = mode == ServiceHostConfig.OnnxMode ? new[] { ".onnx" } : new[] { ".joblib", ".pkl", ".pickle", ".sav" };
        string? file = Directory.EnumerateFiles(modelDir, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).FirstOrDefault();
        return file ?? throw new UserErrorException(
            $"The model has no {string.Join(" or ", extensions)} file for a no-code {(mode == ServiceHostConfig.OnnxMode ? "ONNX" : "scikit-learn")} deployment (looked in {modelDir}).");
    }

    private string ModelFolder(ModelReference model) => _backend.Models.GetLocalFolder(model.Name, int.Parse(model.Version, System.Globalization.CultureInfo.InvariantCulture));
}
