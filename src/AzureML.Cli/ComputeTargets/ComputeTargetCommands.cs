using System.CommandLine;
using System.Text.Json.Nodes;
using AzureML.Cli.Infrastructure;
using AzureML.Core.Compute;

namespace AzureML.Cli.ComputeTargets;

/// <summary><c>azml computetarget create amlcompute|show|list|delete</c>.</summary>
internal static class ComputeTargetCommands
{
    public static Command Create(CommandRunner runner)
    {
        var group = new Command("computetarget", "Commands to manage compute targets.");
        var create = new Command("create", "Create a compute target.");
        create.Subcommands.Add(AmlComputeCommand(runner));
        group.Subcommands.Add(create);

        var showName = NameOption();
        group.Subcommands.Add(runner.Handle(new Command("show", "Show a compute target and its status.").Required(showName), async inv =>
            await ComputeTargetJson.Details(await ComputeTarget.GetAsync(inv.Workspace, inv.Value(showName)!, inv.CancellationToken), inv.CancellationToken)));

        group.Subcommands.Add(runner.Handle(new Command("list", "List the compute targets of the workspace."), async inv =>
            new JsonArray((await ComputeTarget.ListAsync(inv.Workspace, inv.CancellationToken))
                .Select(t => (JsonNode?)ComputeTargetJson.Summary(t)).ToArray())));

        var deleteName = NameOption();
        group.Subcommands.Add(runner.Handle(new Command("delete", "Delete a compute target.").Required(deleteName), async inv =>
        {
            ComputeTarget target = await ComputeTarget.GetAsync(inv.Workspace, inv.Value(deleteName)!, inv.CancellationToken);
            JsonObject deleted = ComputeTargetJson.Deleted(target);
            await inv.Progress.RunAsync($"Deleting compute target '{target.Name}'", async _ =>
            {
                await target.DeleteAsync(inv.CancellationToken);
                return true;
            });
            return deleted;
        }));
        return group;
    }

    private static Option<string> NameOption() => new("--name", "-n") { Description = "Name of the compute target." };

    private static Command AmlComputeCommand(CommandRunner runner)
    {
        var name = NameOption();
        var maxNodes = new Option<int>("--max-nodes", "-M") { Description = "Largest number of nodes." }.AtLeast(1);
        var minNodes = new Option<int>("--min-nodes", "-m") { Description = "Nodes kept when idle; default 0." }.AtLeast(0);
        var vmSize = new Option<string>("--vm-size", "-s") { Description = "VM size of the nodes, for example Standard_D2_V2; default the service's." };
        var vmPriority = new Option<string>("--vm-priority", "-p") { Description = "VM priority.", DefaultValueFactory = _ => "dedicated" }
            .Choices("dedicated", "lowpriority");
        var idle = new Option<int>("--idle-seconds-before-scaledown") { Description = "Seconds an idle node is kept; default 1800.", DefaultValueFactory = _ => 1800 }
            .AtLeast(0);
        var description = new Option<string>("--description") { Description = "Description of the cluster." };
        var command = new Command("amlcompute", "Create an Azure ML compute cluster.").Required(name, maxNodes).With(minNodes, vmSize, vmPriority, idle, description);
        command.Validators.Add(result =>
        {
            if (result.GetValue(minNodes) > result.GetValue(maxNodes) && result.GetResult(maxNodes) is not null)
            {
                result.AddError($"argument {minNodes.Display()}: must not be more than {maxNodes.Display()} ({result.GetValue(minNodes)} > {result.GetValue(maxNodes)})");
            }
        });

        return runner.Handle(command, async inv =>
        {
            AmlComputeProvisioningConfiguration configuration = AmlCompute.ProvisioningConfiguration(
                vmSize: inv.Value(vmSize) ?? "", vmPriority: inv.Value(vmPriority)!.ToLowerInvariant(), minNodes: inv.Value(minNodes),
                maxNodes: inv.Value(maxNodes), idleSecondsBeforeScaledown: inv.Value(idle), description: inv.Value(description));
            ComputeTarget target = await inv.Progress.RunAsync($"Creating compute target '{inv.Value(name)}'", async step =>
            {
                ComputeTarget created = await ComputeTarget.CreateAsync(inv.Workspace, inv.Value(name)!, configuration, inv.CancellationToken);
                await created.WaitForCompletionAsync(step, cancellationToken: inv.CancellationToken);
                return created;
            });
            if (!string.Equals(target.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
            {
                inv.Fail($"Compute target '{target.Name}' ended provisioning as {target.ProvisioningState}.");
            }

            return ComputeTargetJson.Created(target);
        });
    }
}
