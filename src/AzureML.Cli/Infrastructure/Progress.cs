using Spectre.Console;

namespace AzureML.Cli.Infrastructure;

/// <summary>
/// Progress of long operations on stderr: a spinner with the current step on a terminal, one line per step
/// otherwise (CI logs, files), so stdout stays the result alone.
/// </summary>
internal sealed class Progress(CliContext context)
{
    /// <summary>Runs <paramref name="work"/>, which reports steps through the callback it is given.</summary>
    public async Task<T> RunAsync<T>(string title, Func<Action<string>, Task<T>> work)
    {
        if (!context.ErrorIsTerminal)
        {
            context.Error.WriteLine(title);
            return await work(step => context.Error.WriteLine($"  {step}"));
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return await console.Status().StartAsync(Markup.Escape(title),
            status => work(step => status.Status(Markup.Escape($"{title} {step}"))));
    }

    /// <summary>One line of progress.</summary>
    public void Line(string message) => context.Error.WriteLine(message);
}
