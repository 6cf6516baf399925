using System.CommandLine;
using AzureML.Cli.Folders;
using AzureML.Cli.Infrastructure;
using AzureML.Cli.Output;
using AzureML.Core;

namespace AzureML.Cli.Runs;

/// <summary>
/// <c>azml run submit-script</c>: submits a script with a run configuration, streams its output to stderr while it
/// runs, prints the run's details, and exits non-zero when the run did not complete.
/// </summary>
internal static class SubmitScriptCommand
{
    public static Command Create(CommandRunner runner)
    {
        var runConfiguration = new Option<string>("--run-configuration-name", "-c")
        {
            Description = "A run configuration: a name (mnist means .azureml/mnist.runconfig of the project folder) or a .runconfig file.",
        };
        var experiment = new Option<string>("--experiment-name", "-e") { Description = "Experiment name; default the one 'folder attach' recorded." };
        var sourceDirectory = new Option<string>("--source-directory") { Description = "Folder snapshotted and run from; default the project folder." };
        var metadataFile = new Option<string>("--output-metadata-file", "-t") { Description = "Write a reference to the run (runId, experimentName…) to this JSON file." };
        var target = new Option<string>("--target", "--ct") { Description = "Compute target; overrides the run configuration's." };
        var conda = new Option<string>("--conda-dependencies", "-d") { Description = "Conda environment file; overrides the run configuration's." };
        var noWait = new Option<bool>("--async") { Description = "Return once the run is submitted, without streaming its output." };
        var script = new Argument<string[]>("script")
        {
            Description = "The script, then its arguments (after --); default the run configuration's script and arguments.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("submit-script", "Submit a script for execution.")
            .With(runConfiguration, experiment, sourceDirectory, metadataFile, target, conda, noWait);
        command.Arguments.Add(script);

        return runner.Handle(command, async inv =>
        {
            string project = inv.ProjectFolder;
            RunConfiguration configuration = inv.Value(runConfiguration) is string name ? Load(inv, project, name) : new RunConfiguration();
            string[] tokens = inv.ParseResult.GetValue(script) ?? [];
            if (tokens.Length > 0)
            {
                configuration.Script = tokens[0];
                configuration.Arguments = tokens.Skip(1).Cast<object>().ToList();
            }

            if (configuration.Script is null && configuration.Command.Count == 0)
            {
                throw new UsageException($"no script to run: name one (azml run submit-script train.py) or pass {runConfiguration.Display()} with a run configuration that has one.");
            }

            if (inv.Value(target) is string computeTarget) configuration.Target = computeTarget;
            if (inv.Value(conda) is not null) configuration.Environment.Python.CondaDependencies = new CondaDependencies(inv.ExistingFile(conda));

            string experimentName = inv.Value(experiment) ?? ProjectConfig.Experiment(project)
                ?? throw new UsageException($"the following arguments are required: {experiment.Display()} (or attach the folder with 'azml folder attach -e <name>')");
            string source = inv.Value(sourceDirectory) is string dir ? Path.GetFullPath(dir, project) : project;
            if (!Directory.Exists(source)) throw new UsageException($"argument {sourceDirectory.Display()}: folder '{source}' does not exist.");

            Experiment destination = await Experiment.GetOrCreateAsync(inv.Workspace, experimentName, inv.CancellationToken);
            Run run = await destination.SubmitAsync(new ScriptRunConfig(source, runConfig: configuration), cancellationToken: inv.CancellationToken);
            inv.Progress.Line($"Submitted run '{run.Id}' to experiment '{experimentName}'.");
            RunDetails details = inv.Value(noWait)
                ? await run.GetDetailsAsync(inv.CancellationToken)
                : await run.WaitForCompletionAsync(inv.Context.Error.WriteLine, raiseOnError: false, inv.CancellationToken);

            if (inv.Value(metadataFile) is string metadata) MetadataFile.Write(inv.Context.FullPath(metadata), RunJson.Metadata(run, details));
            if (!inv.Value(noWait) && details.Status != RunStatus.Completed)
            {
                inv.Fail($"Run '{run.Id}' ended as {details.Status}{(details.Error is null ? "" : $": {details.Error.Message}")}");
            }

            return RunJson.Details(run, details);
        });
    }

    private static RunConfiguration Load(Invocation inv, string project, string name)
    {
        string asPath = inv.Context.FullPath(name);
        return File.Exists(asPath) ? RunConfiguration.Load(asPath) : RunConfiguration.Load(project, name);
    }
}
