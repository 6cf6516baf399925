using System.CommandLine;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.Core;

namespace AzureML.Cli.Models;

/// <summary><c>azml model register|show|list|delete|download|deploy</c>.</summary>
internal static class ModelCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("model", "Commands to manage and deploy models.");
        group.Subcommands.Add(RegisterModelCommand.Create(runner));
        group.Subcommands.Add(ShowCommand(runner));
        group.Subcommands.Add(ListCommand(runner));

        var deleteId = IdOption();
        group.Subcommands.Add(runner.Handle(new Command("delete", "Delete a model version.").Required(deleteId), async inv =>
        {
            Model model = await Model.GetAsync(inv.Workspace, id: inv.Value(deleteId), cancellationToken: inv.CancellationToken);
            JsonObject deleted = ModelJson.Describe(model);
            await model.DeleteAsync(inv.CancellationToken);
            return deleted;
        }));

        group.Subcommands.Add(DownloadCommand(runner));
        group.Subcommands.Add(DeployCommand.Create(runner));
        return group;
    }

    private static Option<string> IdOption() => new("--model-id", "-i") { Description = "The model id: NAME:VERSION, for example mymodel:1." };

    private static Command ShowCommand(CommandRunner runner)
    {
        var id = IdOption();
        var name = new Option<string>("--model-name", "-n") { Description = "The model name; with --version, else the latest version." };
        var version = new Option<int>("--version") { Description = "The version, with --model-name." }.AtLeast(1);
        var command = new Command("show", "Show a model version.").With(id, name, version).ExactlyOneOf(id, name);
        return runner.Handle(command, async inv =>
        {
            int? wanted = inv.ParseResult.GetResult(version) is null ? null : inv.Value(version);
            Model model = await Model.GetAsync(inv.Workspace, inv.Value(name), inv.Value(id), wanted, inv.CancellationToken);
            return ModelJson.Describe(model);
        });
    }

    private static Command ListCommand(CommandRunner runner)
    {
        var name = new Option<string>("--model-name", "-n") { Description = "Only versions of this name." };
        var tag = OptionRules.KeyValuePairs("--tag", "Only models with this tag.");
        var latest = new Option<bool>("--latest", "-l") { Description = "Only the newest version of each name." };
        var run = new Option<string>("--run-id", "-r") { Description = "Only models registered from this run." };
        var command = new Command("list", "List models.").With(name, tag, latest, run);
        return runner.Handle(command, async inv =>
        {
            Dictionary<string, string>? tags = inv.Value(tag);
            IReadOnlyList<Model> models = await Model.ListAsync(inv.Workspace, inv.Value(name),
                tags is { Count: > 0 } ? tags.ToDictionary(p => p.Key, p => (string?)p.Value) : null,
                runId: inv.Value(run), latest: inv.Value(latest), cancellationToken: inv.CancellationToken);
            return new JsonArray(models.Select(m => (JsonNode?)ModelJson.Describe(m)).ToArray());
        });
    }

    private static Command DownloadCommand(CommandRunner runner)
    {
        var id = IdOption();
        var target = new Option<string>("--target-dir", "-t") { Description = "Folder to download the model's files to." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace files that exist." };
        var command = new Command("download", "Download a model's files.").Required(id, target).With(overwrite);
        return runner.Handle(command, async inv =>
        {
            Model model = await Model.GetAsync(inv.Workspace, id: inv.Value(id), cancellationToken: inv.CancellationToken);
            string path = await model.DownloadAsync(inv.Context.FullPath(inv.Value(target)!), inv.Value(overwrite), inv.CancellationToken);
            return new JsonObject { ["id"] = model.Id, ["downloadPath"] = path };
        });
    }
}
