using System.CommandLine;
using AzureML.Cli.Infrastructure;
using AzureML.Cli.Services;
using AzureML.Core;
using AzureML.Core.Webservices;

namespace AzureML.Cli.Models;

/// <summary>
/// <c>azml model deploy</c>: deploys models as a web service, waits until it is healthy and prints it. A deployment
/// that fails is removed again (unless it replaced a service with --overwrite), and the error with the service's log
/// tail goes to stderr.
/// </summary>
internal static class DeployCommand
{
    public static Command Create(CommandRunner runner)
    {
        var name = new Option<string>("--name", "-n") { Description = "Name of the service." };
        var model = new Option<string[]>("--model", "-m")
        {
            Description = "A model to serve, NAME:VERSION; repeat for several.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var inferenceConfig = new Option<string>("--inference-config-file", "--ic") { Description = "The inference configuration (inferenceConfig.json or .yml): entry script and environment." };
        var deployConfig = new Option<string>("--deploy-config-file", "--dc") { Description = "The deployment configuration (aciDeploymentConfig.yml, deploymentconfig.json)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace a service of the same name." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the service to be healthy; default no limit." }.AtLeast(1);
        var command = new Command("deploy", "Deploy models as a web service.").Required(name, model).With(inferenceConfig, deployConfig, overwrite, timeout);

        return runner.Handle(command, async inv =>
        {
            string serviceName = inv.Value(name)!;
            InferenceConfig? inference = inv.Value(inferenceConfig) is null ? null : InferenceConfig.Load(inv.ExistingFile(inferenceConfig));
            WebserviceDeploymentConfiguration? deployment = inv.Value(deployConfig) is null ? null : WebserviceDeploymentConfiguration.Load(inv.ExistingFile(deployConfig));
            var models = new List<Model>();
            foreach (string id in inv.Value(model)!) models.Add(await Model.GetAsync(inv.Workspace, id: id, cancellationToken: inv.CancellationToken));

            bool existed = (await Webservice.ListAsync(inv.Workspace, cancellationToken: inv.CancellationToken)).Any(s => s.Name == serviceName);
            int? timeoutSeconds = inv.ParseResult.GetResult(timeout) is null ? null : inv.Value(timeout);
            Webservice service = await inv.Progress.RunAsync($"Deploying service '{serviceName}'", async step =>
            {
                Webservice deployed = await Model.DeployAsync(inv.Workspace, serviceName, models, inference, deployment, overwrite: inv.Value(overwrite),
                    cancellationToken: inv.CancellationToken);
                step("Transitioning");
                try
                {
                    await deployed.WaitForDeploymentAsync(timeoutSec: timeoutSeconds, cancellationToken: inv.CancellationToken);
                }
                catch (Exception ex) when (ex is WebserviceException or OperationCanceledException)
                {
                    if (!existed) await deployed.DeleteAsync(CancellationToken.None);
                    throw new OperationFailedException(
                        $"{deployed.ComputeType} service creation operation finished, operation \"Failed\"{(existed ? "" : $"; service '{serviceName}' was removed")}.\n{ex.Message}");
                }

                return deployed;
            });
            inv.Progress.Line($"{service.ComputeType} service creation operation finished, operation \"Succeeded\"");
            return ServiceJson.Describe(service);
        });
    }
}
