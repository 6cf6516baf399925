using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.Core.Webservices;

namespace AzureML.Cli.Services;

/// <summary><c>azml service show|list|delete|run|get-keys|regen-key|get-logs</c>.</summary>
internal static class ServiceCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("service", "Commands to manage and call deployed web services.");

        var showName = NameOption();
        group.Subcommands.Add(runner.Handle(new Command("show", "Show a service: state, scoring URI, models.").Required(showName),
            inv => Task.FromResult<JsonNode?>(ServiceJson.Describe(new Webservice(inv.Workspace, inv.Value(showName)!)))));

        var computeType = new Option<string>("--compute-type") { Description = "Only services of this compute type." }.Choices("ACI", "AKS", "Local");
        var modelName = new Option<string>("--model-name") { Description = "Only services serving a model of this name." };
        group.Subcommands.Add(runner.Handle(new Command("list", "List the services of the workspace.").With(computeType, modelName), async inv =>
            new JsonArray((await Webservice.ListAsync(inv.Workspace, inv.Value(computeType), inv.Value(modelName), cancellationToken: inv.CancellationToken))
                .Select(s => (JsonNode?)ServiceJson.Describe(s)).ToArray())));

        var deleteName = NameOption();
        group.Subcommands.Add(runner.Handle(new Command("delete", "Delete a service and stop it.").Required(deleteName), async inv =>
        {
            var service = new Webservice(inv.Workspace, inv.Value(deleteName)!);
            await service.DeleteAsync(inv.CancellationToken);
            return new JsonObject { ["name"] = service.Name };
        }));

        group.Subcommands.Add(RunCommand(runner));

        var keysName = NameOption();
        group.Subcommands.Add(runner.Handle(new Command("get-keys", "Show the service's authentication keys.").Required(keysName), async inv =>
            ServiceJson.Keys(await new Webservice(inv.Workspace, inv.Value(keysName)!).GetKeysAsync(inv.CancellationToken))));

        group.Subcommands.Add(RegenKeyCommand(runner));

        var logsName = NameOption();
        var lines = new Option<int>("--num-lines", "-l") { Description = "How many of the last lines; default 5000.", DefaultValueFactory = _ => 5000 }.AtLeast(1);
        group.Subcommands.Add(runner.Handle(new Command("get-logs", "Show the service's log.").Required(logsName).With(lines), async inv =>
            JsonValue.Create(await new Webservice(inv.Workspace, inv.Value(logsName)!).GetLogsAsync(inv.Value(lines), inv.CancellationToken))));
        return group;
    }

    private static Option<string> NameOption() => new("--name", "-n") { Description = "Name of the service." };

    private static Command RunCommand(CommandRunner runner)
    {
        var name = NameOption();
        var data = new Option<string>("--input-data", "-d") { Description = "The request body: JSON, or @file to read it from a file." };
        var command = new Command("run", "Score data with a service: sends the body to its scoring URI and prints the answer.").Required(name, data);
        return runner.Handle(command, async inv =>
        {
            string input = inv.Value(data)!;
            string body = input.StartsWith('@') ? await ReadInput(inv, data, input[1..]) : input;
            var service = new Webservice(inv.Workspace, inv.Value(name)!);
            string answer = await service.RunAsync(body, inv.CancellationToken);
            try
            {
                return JsonNode.Parse(answer);
            }
            catch (JsonException)
            {
                return JsonValue.Create(answer);
            }
        });
    }

    private static async Task<string> ReadInput(Invocation inv, Option<string> option, string file)
    {
        string path = inv.Context.FullPath(file);
        if (!File.Exists(path)) throw new UsageException($"argument {option.Display()}: file '{file}' does not exist (looked for '{path}').");
        return await File.ReadAllTextAsync(path, inv.CancellationToken);
    }

    private static Command RegenKeyCommand(CommandRunner runner)
    {
        var name = NameOption();
        var key = new Option<string>("--key", "-k") { Description = "Which key to regenerate." }.Choices("Primary", "Secondary");
        var setKey = new Option<string>("--set-key", "-s") { Description = "Use this value instead of a generated one." };
        var command = new Command("regen-key", "Regenerate one of the service's keys.").Required(name, key).With(setKey);
        return runner.Handle(command, async inv =>
        {
            var service = new Webservice(inv.Workspace, inv.Value(name)!);
            string which = inv.Value(key)!.Equals("primary", StringComparison.OrdinalIgnoreCase) ? "Primary" : "Secondary";
            await service.RegenKeyAsync(which, inv.Value(setKey), inv.CancellationToken);
            return ServiceJson.Keys(await service.GetKeysAsync(inv.CancellationToken));
        });
    }
}
