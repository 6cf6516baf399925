using Spectre.Console;

namespace AzureML.Cli.Infrastructure;

/// <summary>
/// Where a command writes and which folder its relative paths mean: the process's console and current directory,
/// or writers and a folder of a test's own.
/// </summary>
internal sealed class CliContext
{
    private readonly Lazy<IAnsiConsole> _errorConsole;

    public CliContext(TextWriter output, TextWriter error, string currentDirectory, bool errorIsTerminal = false)
    {
        Out = output;
        Error = error;
        CurrentDirectory = Path.GetFullPath(currentDirectory);
        ErrorIsTerminal = errorIsTerminal;
        _errorConsole = new Lazy<IAnsiConsole>(() => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Error),
            Ansi = errorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = errorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = errorIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        }));
    }

    /// <summary>Results: JSON (or a table, or TSV) and nothing else, so <c>azml … | jq</c> works.</summary>
    public TextWriter Out { get; }

    /// <summary>Progress, streamed run output and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string CurrentDirectory { get; }

    /// <summary>True when stderr is a terminal, so progress can animate in place.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>The stderr console for progress displays.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole.Value;

    public static CliContext FromConsole()
        => new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), errorIsTerminal: !Console.IsErrorRedirected);

    /// <summary>The absolute form of a path the user typed.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);
}
