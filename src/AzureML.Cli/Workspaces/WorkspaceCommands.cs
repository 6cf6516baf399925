using System.CommandLine;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.Core;

namespace AzureML.Cli.Workspaces;

/// <summary><c>azml workspace create|show|list</c>.</summary>
internal static class WorkspaceCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("workspace", "Commands to manage workspaces.");
        group.Subcommands.Add(CreateCommand(runner));
        group.Subcommands.Add(runner.Handle(new Command("show", "Show a workspace: the attached one, or the one -w/-g name."),
            inv => Task.FromResult<JsonNode?>(WorkspaceJson.Describe(inv.Workspace))));
        group.Subcommands.Add(ListCommand(runner));
        return group;
    }

    private static Command CreateCommand(CommandRunner runner)
    {
        var localPath = new Option<string>("--local-path") { Description = "Folder of the local workspace; default ~/.azureml/workspaces/<resource group>/<name>." };
        var location = new Option<string>("--location", "-l") { Description = "Azure region of an Azure workspace." };
        var existOk = new Option<bool>("--exist-ok") { Description = "Do not fail when the workspace already exists." };
        var command = new Command("create", "Create a workspace: a local one unless a subscription is given.").With(localPath, location, existOk);
        return runner.Handle(command, async inv =>
        {
            string name = inv.Value(runner.Global.WorkspaceName)
                ?? throw new UsageException($"the following arguments are required: {runner.Global.WorkspaceName.Display()}");
            string? path = inv.Value(localPath) is string p ? inv.Context.FullPath(p) : null;
            Workspace workspace = await Workspace.CreateAsync(name, subscriptionId: inv.Value(runner.Global.SubscriptionId), resourceGroup: inv.Value(runner.Global.ResourceGroup),
                location: inv.Value(location), existOk: inv.Value(existOk), showOutput: false, localPath: path, cancellationToken: inv.CancellationToken);
            inv.Progress.Line($"Workspace '{workspace.Name}' is ready{(workspace.LocalPath is null ? "" : $" in '{workspace.LocalPath}'")}.");
            return WorkspaceJson.Describe(workspace);
        });
    }

    private static Command ListCommand(CommandRunner runner)
        => runner.Handle(new Command("list", "List the workspaces, optionally of one resource group (-g)."), async inv =>
        {
            IReadOnlyDictionary<string, IReadOnlyList<Workspace>> all = await Workspace.ListAsync(
                subscriptionId: inv.Value(runner.Global.SubscriptionId), resourceGroup: inv.Value(runner.Global.ResourceGroup), cancellationToken: inv.CancellationToken);
            return new JsonArray(all.Values.SelectMany(w => w)
                .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.ResourceGroup, StringComparer.OrdinalIgnoreCase)
                .Select(w => (JsonNode?)WorkspaceJson.Describe(w)).ToArray());
        });
}
