using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AzureML.Cli.Infrastructure;
using AzureML.Core;

namespace AzureML.Cli.Folders;

/// <summary><c>azml folder attach</c>: points a project folder at a workspace.</summary>
internal static partial class FolderCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("folder", "Commands to manage folders attached to workspaces.");
        var experiment = new Option<string>("--experiment-name", "-e") { Description = "Default experiment of runs submitted from this folder; default the folder's name." };
        var attach = new Command("attach", "Attach the project folder (--path, default the current one) to a workspace: writes .azureml/config.json.").With(experiment);
        group.Subcommands.Add(runner.Handle(attach, async inv =>
        {
            string name = inv.Value(runner.Global.WorkspaceName)
                ?? throw new UsageException($"the following arguments are required: {runner.Global.WorkspaceName.Display()}");
            Workspace workspace = await Workspace.GetAsync(name, subscriptionId: inv.Value(runner.Global.SubscriptionId), resourceGroup: inv.Value(runner.Global.ResourceGroup),
                cancellationToken: inv.CancellationToken);
            string project = inv.ProjectFolder;
            if (!Directory.Exists(project)) throw new UsageException($"argument {runner.Global.ProjectPath.Display()}: folder '{project}' does not exist.");
            string experimentName = inv.Value(experiment) ?? DefaultExperiment(project);
            Experiment.ValidateName(experimentName);

            string configFile = workspace.WriteConfig(project);
            ProjectConfig.SetExperiment(configFile, experimentName);
            return new JsonObject
            {
                ["Experiment name"] = experimentName,
                ["Project path"] = project,
                ["Resource group"] = workspace.ResourceGroup,
                ["Subscription id"] = workspace.SubscriptionId,
                ["Workspace name"] = workspace.Name,
            };
        }));
        return group;
    }

    // The folder's name, made into a valid experiment name.
    private static string DefaultExperiment(string project)
    {
        string name = NotAllowed().Replace(Path.GetFileName(project.TrimEnd(Path.DirectorySeparatorChar)), "-").Trim('-', '_');
        return name.Length == 0 ? "default" : name;
    }

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotAllowed();
}
