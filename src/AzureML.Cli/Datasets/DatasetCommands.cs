using System.CommandLine;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.Core.Data;

namespace AzureML.Cli.Datasets;

/// <summary><c>azml dataset register|show|list|unregister</c>.</summary>
internal static class DatasetCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("dataset", "Commands to manage datasets.");
        group.Subcommands.Add(RegisterCommand(runner));
        group.Subcommands.Add(ShowCommand(runner));
        group.Subcommands.Add(runner.Handle(new Command("list", "List the datasets of the workspace (latest version of each)."), async inv =>
            new JsonArray((await Dataset.GetAllAsync(inv.Workspace, inv.CancellationToken)).Values
                .OrderBy(d => d.Name, StringComparer.Ordinal)
                .Select(d => (JsonNode?)DatasetJson.Registration(d, inv.Workspace)).ToArray())));

        var name = new Option<string>("--name", "-n") { Description = "Name of the dataset." };
        group.Subcommands.Add(runner.Handle(new Command("unregister", "Unregister every version of a dataset.").Required(name), async inv =>
        {
            Dataset dataset = await Dataset.GetByNameAsync(inv.Workspace, inv.Value(name)!, cancellationToken: inv.CancellationToken);
            JsonObject registration = DatasetJson.Registration(dataset, inv.Workspace);
            await dataset.UnregisterAllVersionsAsync(inv.CancellationToken);
            return registration;
        }));
        return group;
    }

    private static Command RegisterCommand(CommandRunner runner)
    {
        var file = new Option<string>("--file", "-f") { Description = "The dataset definition file (dataset.json); see --show-template." };
        var skipValidation = new Option<bool>("--skip-validation") { Description = "Do not check that the paths exist." };
        var showTemplate = new Option<bool>("--show-template") { Description = "Print a dataset definition template and register nothing." };
        var command = new Command("register", "Register a dataset from a definition file.").With(file, skipValidation, showTemplate);
        command.Validators.Add(result =>
        {
            if (result.GetResult(file) is null && !result.GetValue(showTemplate))
            {
                result.AddError($"one of the arguments {file.Display()}, {showTemplate.Display()} is required");
            }
        });
        return runner.Handle(command, async inv =>
        {
            if (inv.Value(showTemplate)) return DatasetJson.Template();
            string path = inv.ExistingFile(file);
            Dataset dataset = await Dataset.RegisterFromDefinitionFileAsync(inv.Workspace, path, inv.Value(skipValidation), inv.CancellationToken);
            return DatasetJson.Registered(dataset, inv.Workspace);
        });
    }

    private static Command ShowCommand(CommandRunner runner)
    {
        var name = new Option<string>("--name", "-n") { Description = "Name of the dataset." };
        var id = new Option<string>("--id", "-i") { Description = "Id of the dataset." };
        var version = new Option<string>("--version", "-v") { Description = "Version of the dataset, or latest.", DefaultValueFactory = _ => "latest" };
        var command = new Command("show", "Show a dataset by name (and version) or id.").With(name, id, version).ExactlyOneOf(name, id);
        return runner.Handle(command, async inv =>
        {
            Dataset dataset = inv.Value(id) is string datasetId
                ? await Dataset.GetByIdAsync(inv.Workspace, datasetId, inv.CancellationToken)
                : await Dataset.GetByNameAsync(inv.Workspace, inv.Value(name)!, inv.Value(version)!, inv.CancellationToken);
            return DatasetJson.Registered(dataset, inv.Workspace);
        });
    }
}
