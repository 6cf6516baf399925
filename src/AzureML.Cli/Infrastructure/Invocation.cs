using System.CommandLine;
using AzureML.Core;

namespace AzureML.Cli.Infrastructure;

/// <summary>One command being run: its parsed options, its context, and the workspace it works on.</summary>
internal sealed class Invocation(CliContext context, GlobalOptions global, ParseResult parseResult, CancellationToken cancellationToken)
{
    private Workspace? _workspace;

    public CliContext Context { get; } = context;

    public ParseResult ParseResult { get; } = parseResult;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Progress Progress { get; } = new(context);

    /// <summary>Set when the operation failed after its result was produced: the result is printed, then this error.</summary>
    public string? Failure { get; private set; }

    public T? Value<T>(Option<T> option) => ParseResult.GetValue(option);

    /// <summary>The project folder: <c>--path</c>, else the current folder.</summary>
    public string ProjectFolder => Context.FullPath(Value(global.ProjectPath) ?? ".");

    /// <summary>
    /// The workspace: the one <c>-w</c>/<c>-g</c>/<c>--subscription-id</c> name, else the one the project folder is
    /// attached to (<c>.azureml/config.json</c>, found as azureml-core finds it).
    /// </summary>
    public Workspace Workspace => _workspace ??= ResolveWorkspace();

    /// <summary>A path option's value as an absolute path; a missing file is a usage error naming the option.</summary>
    public string ExistingFile(Option<string> option)
    {
        string path = Context.FullPath(Value(option)!);
        if (!File.Exists(path)) throw new UsageException($"argument {option.Display()}: file '{Value(option)}' does not exist (looked for '{path}').");
        return path;
    }

    public void Fail(string message) => Failure = message;

    private Workspace ResolveWorkspace()
    {
        string? name = Value(global.WorkspaceName);
        string? group = Value(global.ResourceGroup);
        string? subscription = Value(global.SubscriptionId);
        if (name is not null) return Workspace.Get(name, subscriptionId: subscription, resourceGroup: group);

        Workspace attached;
        try
        {
            attached = Workspace.FromConfig(ProjectFolder);
        }
        catch (UserErrorException ex) when (group is null && subscription is null)
        {
            throw new UserErrorException(
                $"No workspace given: pass {global.WorkspaceName.Display()} (and {global.ResourceGroup.Display()}), or run " +
                $"'azml folder attach -w <name>' in the project folder first. {ex.Message}", ex);
        }

        return group is null && subscription is null ? attached : Workspace.Get(attached.Name, subscriptionId: subscription, resourceGroup: group);
    }
}
