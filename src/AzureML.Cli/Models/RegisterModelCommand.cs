using System.CommandLine;
using AzureML.Cli.Infrastructure;
using AzureML.Cli.Output;
using AzureML.Core;

namespace AzureML.Cli.Models;

/// <summary>
/// <c>azml model register</c>: from a run's files (<c>-f runoutput.json</c> or <c>-r RUNID</c>, with
/// <c>--asset-path</c>) or from a local file or folder (<c>-p</c>), as the next version of the name.
/// </summary>
internal static class RegisterModelCommand
{
    private static readonly string[] s_frameworks =
        [Model.Framework.Custom, Model.Framework.ScikitLearn, Model.Framework.Onnx, Model.Framework.TensorFlow, Model.Framework.PyTorch, Model.Framework.Multi];

    public static Command Create(CommandRunner runner)
    {
        var name = new Option<string>("--name", "-n") { Description = "The model name." };
        var runMetadata = new Option<string>("--run-metadata-file", "-f") { Description = "The run's metadata file (runoutput.json from 'run submit-script -t')." };
        var modelPath = new Option<string>("--model-path", "-p") { Description = "A local file or folder to register." };
        var runId = new Option<string>("--run-id", "-r") { Description = "The run whose files to register." };
        var assetPath = new Option<string>("--asset-path") { Description = "With -f or -r: the file or folder among the run's files, for example outputs/model.pkl." };
        var output = new Option<string>("--output-metadata-file", "-t") { Description = "Write the registered model's JSON to this file (registeredmodel.json)." };
        var tag = OptionRules.KeyValuePairs("--tag", "A tag.");
        var property = OptionRules.KeyValuePairs("--property", "A property (cannot be changed later).");
        var description = new Option<string>("--description", "-d") { Description = "A description." };
        var framework = new Option<string>("--model-framework") { Description = "The framework." }.Choices(s_frameworks);
        var frameworkVersion = new Option<string>("--model-framework-version") { Description = "The framework version, for example 1.2.2." };
        var cpu = new Option<double?>("--cpu-cores", "--cc") { Description = "CPU cores the model needs to score." };
        var memory = new Option<double?>("--memory-gb", "--gb") { Description = "Memory in GB the model needs to score." };

        var command = new Command("register", "Register a model.").Required(name)
            .With(runMetadata, modelPath, runId, assetPath, output, tag, property, description, framework, frameworkVersion, cpu, memory)
            .ExactlyOneOf(runMetadata, modelPath, runId);
        command.Validators.Add(result =>
        {
            bool fromRun = result.GetResult(runMetadata) is not null || result.GetResult(runId) is not null;
            if (fromRun && result.GetResult(assetPath) is null) result.AddError($"argument {assetPath.Display()}: required with {runMetadata.Display()} or {runId.Display()}");
            if (!fromRun && result.GetResult(assetPath) is not null) result.AddError($"argument {assetPath.Display()}: only allowed with {runMetadata.Display()} or {runId.Display()}");
        });

        return runner.Handle(command, async inv =>
        {
            IReadOnlyDictionary<string, string>? tags = NullIfEmpty(inv.Value(tag));
            IReadOnlyDictionary<string, string>? properties = NullIfEmpty(inv.Value(property));
            string? frameworkName = inv.Value(framework) is string f ? s_frameworks.First(known => known.Equals(f, StringComparison.OrdinalIgnoreCase)) : null;
            ResourceConfiguration? resources = inv.Value(cpu) is null && inv.Value(memory) is null ? null : new ResourceConfiguration(inv.Value(cpu), inv.Value(memory));

            Model model;
            if (inv.Value(modelPath) is string local)
            {
                string path = inv.Context.FullPath(local);
                if (!File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"argument {modelPath.Display()}: '{local}' does not exist (looked for '{path}').");
                model = await Model.RegisterAsync(inv.Workspace, path, inv.Value(name)!, tags, properties, inv.Value(description), frameworkName,
                    inv.Value(frameworkVersion), resources, cancellationToken: inv.CancellationToken);
            }
            else
            {
                string id = inv.Value(runId) ?? MetadataFile.ReadRun(inv.ExistingFile(runMetadata)).RunId;
                Run run = await inv.Workspace.GetRunAsync(id, inv.CancellationToken);
                model = await run.RegisterModelAsync(inv.Value(name)!, inv.Value(assetPath)!, tags, properties, frameworkName, inv.Value(frameworkVersion),
                    inv.Value(description), resources, inv.CancellationToken);
            }

            var json = ModelJson.Describe(model);
            if (inv.Value(output) is string file) MetadataFile.Write(inv.Context.FullPath(file), json);
            return json;
        });
    }

    private static IReadOnlyDictionary<string, string>? NullIfEmpty(Dictionary<string, string>? values) => values is { Count: > 0 } ? values : null;
}
