namespace AzureML.Core.Backends.Local;

/// <summary>Where a local run keeps its files.</summary>
internal sealed class LocalRunLayout
{
    /// <summary>The artifact name of the script's combined output.</summary>
    public const string LogArtifact = "user_logs/std_log.txt";

    /// <summary>The artifact name of the preparation notes (interpreter, shim, fallbacks).</summary>
    public const string PreparationArtifact = "azureml-logs/preparation.txt";

    public LocalRunLayout(LocalBackend backend, string runId)
    {
        RunFolder = backend.RunFolder(runId);
        Artifacts = backend.ArtifactFolder(runId);
        Working = backend.WorkingFolder(runId);
        Control = Path.Combine(RunFolder, "control");
    }

    public string RunFolder { get; }
    public string Artifacts { get; }
    public string Working { get; }
    public string Control { get; }
    public string LogFile => Path.Combine(Artifacts, "user_logs", "std_log.txt");
    public string PreparationFile => Path.Combine(Artifacts, "azureml-logs", "preparation.txt");
    public string StderrFile => Path.Combine(Control, "stderr.txt");
    public string ExitCodeFile => Path.Combine(Control, "exit_code");

    /// <summary>Made by node 0's wrapper just before it runs the script.</summary>
    public string ScriptStartedFile => ExitCodeFile + ".started";

    /// <summary>What the run's supervisor process printed: its start-up problems and anything unexpected.</summary>
    public string SupervisorLog => Path.Combine(Control, "supervisor.log");

    /// <summary>
    /// The run's exit code from every node's record: the first non-zero one, else 0 when every node recorded an
    /// exit, else <c>null</c> (a node never got to exit on its own). Only the files themselves count, not their
    /// <c>.tmp</c> or <c>.started</c> companions.
    /// </summary>
    public int? ReadRunExitCode()
    {
        var files = new List<string> { ExitCodeFile };
        if (Directory.Exists(Control)) files.AddRange(Directory.EnumerateFiles(Control, "exit_code_node_*").Where(f => Path.GetExtension(f).Length == 0));
        int?[] codes = files.Select(f => File.Exists(f) && int.TryParse(File.ReadAllText(f).Trim(), out int c) ? c : (int?)null).ToArray();
        return codes.FirstOrDefault(c => c is not null and not 0) ?? (codes.All(c => c == 0) ? 0 : null);
    }

    public void AppendPreparationNote(string line)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PreparationFile)!);
        File.AppendAllText(PreparationFile, $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fff}Z {line}\n");
    }

    /// <summary>
    /// A preparation note the user should see while the run streams (<c>WaitForCompletion(showOutput: true)</c>),
    /// as the service shows its image build log: written to the preparation notes and ahead of the script's output.
    /// </summary>
    public void AppendRunNote(string line)
    {
        AppendPreparationNote(line);
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        File.AppendAllText(LogFile, line + "\n");
    }
}
