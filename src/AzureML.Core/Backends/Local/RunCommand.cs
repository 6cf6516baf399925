namespace AzureML.Core.Backends.Local;

/// <summary>The program and argument list that start a run's script; never a shell string.</summary>
/// <param name="Program">The executable (a name on PATH or a path).</param>
/// <param name="Arguments">Its arguments, passed one by one.</param>
/// <param name="UsesPython">True when the program is a Python interpreter, so the environment's Python applies.</param>
internal sealed record RunCommand(string Program, IReadOnlyList<string> Arguments, bool UsesPython)
{
    /// <summary>The script kinds a local run can start directly.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = new[] { ".py", ".cs", ".sh" };

    public static RunCommand For(LocalJob submission)
    {
        if (submission.Command is { Count: > 0 } command)
        {
            string program = command[0];
            return new RunCommand(program, command.Skip(1).ToList(), IsPython(program));
        }

        string script = submission.Script!;
        string extension = Path.GetExtension(script).ToLowerInvariant();
        return extension switch
        {
            ".py" => new RunCommand("python", new[] { script }.Concat(submission.Arguments).ToList(), UsesPython: true),
            ".cs" => new RunCommand("dotnet", new[] { "run", script, "--" }.Concat(submission.Arguments).ToList(), UsesPython: false),
            ".sh" => new RunCommand("bash", new[] { script }.Concat(submission.Arguments).ToList(), UsesPython: false),
            _ => throw new UserErrorException(
                $"The script '{script}' has the extension '{extension}'. Local runs start {string.Join(", ", SupportedExtensions)} scripts; " +
                "for anything else pass ScriptRunConfig(command: new[] { \"program\", \"arg\", … })."),
        };
    }

    /// <summary>The same command with the Python program replaced by a resolved interpreter.</summary>
    public RunCommand WithInterpreter(string interpreter) => UsesPython ? this with { Program = interpreter } : this;

    private static bool IsPython(string program)
    {
        string name = Path.GetFileName(program);
        return name == "python" || name.StartsWith("python3", StringComparison.Ordinal);
    }
}
