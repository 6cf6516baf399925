using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AzureML.Core.Backends;
using AzureML.Core.Compute;
using AzureML.Core.Internal;

namespace AzureML.Core;

/// <summary>
/// What to submit: a source directory and a script (or a command) with arguments, a compute target, an
/// environment and a duration limit. Mirrors <c>azureml.core.ScriptRunConfig</c>.
/// </summary>
public class ScriptRunConfig : SubmittableRunConfig
{
    /// <summary>The default duration limit: 30 days, as in azureml-core.</summary>
    public const long DefaultMaxRunDurationSeconds = 2_592_000;

    /// <summary>Creates a configuration.</summary>
    /// <param name="sourceDirectory">The folder snapshotted and run from.</param>
    /// <param name="script">The script relative to <paramref name="sourceDirectory"/>: <c>.py</c>, <c>.cs</c> or <c>.sh</c>.</param>
    /// <param name="arguments">Arguments for the script.</param>
    /// <param name="runConfig">A run configuration to start from; its script/arguments are replaced by the ones given here.</param>
    /// <param name="computeTarget">The compute target name; default <c>local</c>.</param>
    /// <param name="environment">The environment; overrides the run configuration's.</param>
    /// <param name="command">A command (program then arguments) instead of a script; exclusive with <paramref name="script"/>.</param>
    /// <param name="maxRunDurationSeconds">The longest the run may take; default the run configuration's, else 30 days.</param>
    /// <exception cref="UserErrorException">Both or neither of <paramref name="script"/> and <paramref name="command"/> were given.</exception>
    public ScriptRunConfig(string sourceDirectory = ".", string? script = null, IEnumerable<object>? arguments = null,
        RunConfiguration? runConfig = null, string? computeTarget = null, Environment? environment = null,
        IEnumerable<string>? command = null, long? maxRunDurationSeconds = null)
    {
        SourceDirectory = Argument.NotNullOrEmpty(sourceDirectory, nameof(sourceDirectory));
        RunConfig = runConfig ?? new RunConfiguration();
        List<string>? commandList = command?.ToList();
        if (script is not null && commandList is { Count: > 0 })
        {
            throw new UserErrorException("ScriptRunConfig takes either a script (with arguments) or a command, not both.");
        }

        if (script is not null) RunConfig.Script = script;
        if (arguments is not null) RunConfig.Arguments = arguments.ToList();
        if (commandList is { Count: > 0 }) RunConfig.Command = commandList;
        if (computeTarget is not null) RunConfig.Target = computeTarget;
        if (environment is not null) RunConfig.Environment = environment;
        // A loaded run configuration keeps its own limit unless one is given here; 30 days otherwise, as azureml-core.
        RunConfig.MaxRunDurationSeconds = maxRunDurationSeconds ?? RunConfig.MaxRunDurationSeconds ?? DefaultMaxRunDurationSeconds;
    }

    /// <summary>Creates a configuration that runs on <paramref name="computeTarget"/> (Python's <c>compute_target=</c> given a ComputeTarget object).</summary>
    /// <param name="computeTarget">The compute target, for example an <see cref="AmlCompute"/> cluster.</param>
    /// <param name="sourceDirectory">The folder snapshotted and run from.</param>
    /// <param name="script">The script relative to <paramref name="sourceDirectory"/>: <c>.py</c>, <c>.cs</c> or <c>.sh</c>.</param>
    /// <param name="arguments">Arguments for the script.</param>
    /// <param name="runConfig">A run configuration to start from; its script/arguments are replaced by the ones given here.</param>
    /// <param name="environment">The environment; overrides the run configuration's.</param>
    /// <param name="command">A command (program then arguments) instead of a script; exclusive with <paramref name="script"/>.</param>
    /// <param name="maxRunDurationSeconds">The longest the run may take; default the run configuration's, else 30 days.</param>
    /// <exception cref="UserErrorException">Both or neither of <paramref name="script"/> and <paramref name="command"/> were given.</exception>
    public ScriptRunConfig(ComputeTarget computeTarget, string sourceDirectory = ".", string? script = null, IEnumerable<object>? arguments = null,
        RunConfiguration? runConfig = null, Environment? environment = null, IEnumerable<string>? command = null,
        long? maxRunDurationSeconds = null)
        : this(sourceDirectory, script, arguments, runConfig, Argument.NotNull(computeTarget, nameof(computeTarget)).Name, environment, command, maxRunDurationSeconds)
    {
    }

    /// <summary>The folder snapshotted and run from.</summary>
    public string SourceDirectory { get; set; }

    /// <summary>The run configuration: script, arguments, target, environment, limits.</summary>
    public RunConfiguration RunConfig { get; set; }

    /// <summary>The script (shortcut for <c>RunConfig.Script</c>).</summary>
    public string? Script { get => RunConfig.Script; set => RunConfig.Script = value; }

    /// <summary>The arguments (shortcut for <c>RunConfig.Arguments</c>).</summary>
    public IList<object> Arguments { get => RunConfig.Arguments; set => RunConfig.Arguments = value; }

    /// <summary>How large the source directory may be; default <see cref="SnapshotLimits.Default"/>.</summary>
    public SnapshotLimits SnapshotLimits { get; set; } = SnapshotLimits.Default;

    /// <inheritdoc />
    protected internal override async Task<Run> SubmitAsync(Experiment experiment, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        JobSubmission submission = ToSubmission(experiment.Name, tags);
        RunRecord record = await experiment.Workspace.Backend.Jobs.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        return Run.FromRecord(experiment.Workspace, record);
    }

    internal JobSubmission ToSubmission(string experimentName, IReadOnlyDictionary<string, string>? tags)
    {
        RunConfiguration rc = RunConfig;
        bool hasCommand = rc.Command.Count > 0;
        if (string.IsNullOrEmpty(rc.Script) && !hasCommand)
        {
            throw new UserErrorException("The run configuration has neither a script nor a command. Set ScriptRunConfig(script: \"train.py\") or command: new[] { \"python\", \"train.py\" }.");
        }

        if (!string.IsNullOrEmpty(rc.Script) && hasCommand)
        {
            throw new UserErrorException("The run configuration has both a script and a command; keep one.");
        }

        if (rc.NodeCount < 1)
        {
            throw new UserErrorException($"NodeCount must be at least 1, got {rc.NodeCount}.");
        }

        if (rc.MaxRunDurationSeconds is <= 0)
        {
            throw new UserErrorException($"MaxRunDurationSeconds must be positive, got {rc.MaxRunDurationSeconds}.");
        }

        List<string> arguments = rc.Arguments.Select(FormatArgument).ToList();
        // The run's variables go into a copy: the caller's environment (perhaps a registered one) stays as it was.
        Environment environment = rc.EnvironmentVariables.Count > 0 ? CloneKeepingVersion(rc.Environment) : rc.Environment;
        if (rc.EnvironmentVariables.Count > 0)
        {
            foreach ((string key, string value) in rc.EnvironmentVariables)
            {
                environment.EnvironmentVariables.TryAdd(key, value);
            }
        }

        var definition = new JsonObject
        {
            ["script"] = rc.Script,
            ["arguments"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["command"] = hasCommand ? new JsonArray(rc.Command.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()) : null,
            ["target"] = rc.Target,
            ["framework"] = rc.Framework,
            ["communicator"] = rc.Communicator,
            ["nodeCount"] = rc.NodeCount,
            ["maxRunDurationSeconds"] = rc.MaxRunDurationSeconds,
            ["sourceDirectory"] = Path.GetFullPath(SourceDirectory),
            ["environment"] = environment.Name,
        };

        return new JobSubmission
        {
            DatasetInputs = DatasetInputs(rc),
            ExperimentName = experimentName,
            SourceDirectory = Path.GetFullPath(SourceDirectory),
            Script = hasCommand ? null : rc.Script,
            Arguments = arguments,
            Command = hasCommand ? rc.Command.ToList() : null,
            Target = rc.Target,
            NodeCount = rc.NodeCount,
            Communicator = rc.Communicator,
            ProcessCountPerNode = rc.Communicator is "Nccl" or "Gloo" || rc.Framework == "PyTorch"
                ? Math.Max(1, (rc.PyTorch.ProcessCount ?? rc.NodeCount) / rc.NodeCount)
                : rc.Mpi.ProcessCountPerNode,
            MaxRunDurationSeconds = rc.MaxRunDurationSeconds,
            Environment = environment,
            Tags = tags,
            SnapshotLimits = SnapshotLimits,
            DefinitionJson = definition.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
        };
    }

    // The data section by name, plus every dataset input written in the arguments.
    private static Dictionary<string, DatasetInput> DatasetInputs(RunConfiguration rc)
    {
        var inputs = new Dictionary<string, DatasetInput>(StringComparer.Ordinal);
        foreach ((string name, RunConfigurationData data) in rc.Data)
        {
            inputs[name] = new DatasetInput
            {
                Name = name,
                Mechanism = data.Mechanism,
                DatasetId = data.DataLocation.Dataset?.Id,
                DatasetName = data.DataLocation.Dataset?.Name,
                DatasetVersion = data.DataLocation.Dataset?.Version,
                EnvironmentVariableName = data.EnvironmentVariableName,
                PathOnCompute = data.PathOnCompute,
                Overwrite = data.Overwrite,
            };
        }

        foreach (Data.DatasetConsumptionConfig config in rc.Arguments.OfType<Data.DatasetConsumptionConfig>())
        {
            DatasetInput input = DatasetInput.From(config);
            if (inputs.TryGetValue(config.Name, out DatasetInput? other) && other != input)
            {
                throw new UserErrorException($"Two different dataset inputs are named '{config.Name}'; give each input its own name.");
            }

            inputs[config.Name] = input;
        }

        return inputs;
    }

    private static Environment CloneKeepingVersion(Environment environment)
    {
        Environment copy = environment.Clone(environment.Name);
        copy.Version = environment.Version;
        return copy;
    }

    private static string FormatArgument(object argument) => argument switch
    {
        null => throw new UserErrorException("Script arguments must not be null."),
        string s => s,
        bool b => b ? "True" : "False", // what str(True) gives the Python side
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => argument.ToString() ?? "",
    };
}
