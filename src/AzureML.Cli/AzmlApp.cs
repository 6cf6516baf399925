using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using AzureML.Cli.ComputeTargets;
using AzureML.Cli.Datasets;
using AzureML.Cli.Folders;
using AzureML.Cli.Infrastructure;
using AzureML.Cli.Models;
using AzureML.Cli.Runs;
using AzureML.Cli.Services;
using AzureML.Cli.Workspaces;

namespace AzureML.Cli;

/// <summary>The <c>azml</c> command tree, and one run of it: parse, check, invoke, exit code.</summary>
internal static class AzmlApp
{
    // "-d @testdata.json" is the request body's file, as in az, not a response file of arguments.
    private static readonly ParserConfiguration s_parser = new() { ResponseFileTokenReplacer = null };

    public static RootCommand Build(CliContext context)
    {
        var global = new GlobalOptions();
        var runner = new CommandRunner(context, global);
        var root = new RootCommand("azml: train, register and deploy models from the command line, on a local or an Azure ML workspace (az ml v1 commands).");
        foreach (Option option in global.All) root.Options.Add(option);
        Command[] groups =
        [
            WorkspaceCommands.Create(runner),
            FolderCommands.Create(runner),
            ComputeTargetCommands.Create(runner),
            DatasetCommands.Create(runner),
            RunCommands.Create(runner),
            ModelCommands.Create(runner),
            ServiceCommands.Create(runner),
        ];
        foreach (Command group in groups) root.Subcommands.Add(group);

        ShowHelpWithoutSubcommand(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ParseResult result = Build(context).Parse(args, s_parser);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        if (result.Action is ParseErrorAction)
        {
            foreach (string message in result.Errors.Select(e => e.Message).Distinct()) context.Error.WriteLine($"ERROR: {message}");
            context.Error.WriteLine($"Try '{string.Join(' ', CommandPath(result.CommandResult.Command))} --help' for more information.");
            return ExitCodes.UsageError;
        }

        return await result.InvokeAsync(invocation, cancellationToken);
    }

    // A group named on its own (azml model) prints its help, as az does.
    private static void ShowHelpWithoutSubcommand(Command command)
    {
        command.SetAction(parseResult => new HelpAction().Invoke(parseResult));
        foreach (Command sub in command.Subcommands.Where(s => s.Subcommands.Count > 0)) ShowHelpWithoutSubcommand(sub);
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(c is RootCommand ? "azml" : c.Name);
        }

        return names;
    }
}
