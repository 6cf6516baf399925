using System.CommandLine;
using System.Text.Json.Nodes;
using AzureML.Cli.Output;

namespace AzureML.Cli.Infrastructure;

/// <summary>
/// Runs a command's body and prints what it returns in the chosen format; failures become an az-style error line
/// and an exit code. The body never writes to stdout itself.
/// </summary>
internal sealed class CommandRunner(CliContext context, GlobalOptions global)
{
    public GlobalOptions Global => global;

    public Command Handle(Command command, Func<Invocation, Task<JsonNode?>> body)
    {
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken, body));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken, Func<Invocation, Task<JsonNode?>> body)
    {
        var invocation = new Invocation(context, global, parseResult, cancellationToken);
        try
        {
            JsonNode? result = await body(invocation);
            ResultWriter.Write(context.Out, result, parseResult.GetValue(global.Output)!, parseResult.GetValue(global.Query));
            if (invocation.Failure is null) return ExitCodes.Success;
            context.Error.WriteLine($"ERROR: {invocation.Failure}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ErrorReporter.Report(context.Error, ex);
        }
    }
}
