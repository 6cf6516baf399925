namespace AzureML.Cli.Infrastructure;

/// <summary>
/// Where a command writes and which folder its relative paths mean: the process's console and current directory,
/// or writers and a folder of a test's own.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, string currentDirectory, bool errorIsTerminal = false)
    {
        Out = output;
        Error = error;
        CurrentDirectory = Path.GetFullPath(currentDirectory);
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Results: JSON (or a table, or TSV) and nothing else, so <c>azml … | jq</c> works.</summary>
    public TextWriter Out { get; }

    /// <summary>Progress, streamed run output and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string CurrentDirectory { get; }

    /// <summary>True when stderr is a terminal, so progress can animate in place.</summary>
    public bool ErrorIsTerminal { get; }

    public static CliContext FromConsole()
        => new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), errorIsTerminal: !Console.IsErrorRedirected);

    /// <summary>The absolute form of a path the user typed.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
