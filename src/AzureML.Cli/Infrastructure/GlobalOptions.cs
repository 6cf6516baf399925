using System.CommandLine;
using System.CommandLine.Parsing;
using AzureML.Cli.Output;

namespace AzureML.Cli.Infrastructure;

/// <summary>The options every command takes: which workspace, where the project folder is, and how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<string> WorkspaceName { get; } = new("--workspace-name", "-w")
    {
        Description = "Workspace name; default the one the project folder is attached to.",
        Recursive = true,
    };

    public Option<string> ResourceGroup { get; } = new("--resource-group", "-g")
    {
        Description = "Resource group of the workspace.",
        Recursive = true,
    };

    public Option<string> SubscriptionId { get; } = new("--subscription-id", "--subscription")
    {
        Description = "Subscription of the workspace.",
        Recursive = true,
    };

    public Option<string> ProjectPath { get; } = new("--path")
    {
        Description = "The project folder (the one with .azureml/config.json); default the current folder.",
        Recursive = true,
    };

    public Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => OutputFormat.Json,
        Recursive = true,
    }.Choices(OutputFormat.All);

    public Option<string> Query { get; } = new("--query")
    {
        Description = "JMESPath query applied to the output, as az does (http://jmespath.org/).",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Query.Validators.Add(ValidateQuery);
    }

    public IEnumerable<Option> All => [WorkspaceName, ResourceGroup, SubscriptionId, ProjectPath, Output, Query];

    private void ValidateQuery(OptionResult result)
    {
        string? expression = result.GetValueOrDefault<string>();
        if (expression is null) return;
        string? problem = JsonQuery.Check(expression);
        if (problem is not null) result.AddError($"argument {Query.Display()}: invalid jmespath_type value: '{expression}' ({problem})");
    }
}
