using System.Globalization;
using AzureML.Core;
using AzureML.Core.Backends;
using AzureML.Core.Compute;
using AzureML.Core.Data;
using AzureML.Core.Internal;
using AzureML.Train.AutoML.Local;

namespace AzureML.Train.AutoML;

public sealed partial class AutoMLConfig
{
    /// <summary>The run type of AutoML parent runs (and of their iterations).</summary>
    public const string RunType = "automl";

    /// <summary>How much longer than the experiment timeout the runner may live before the workspace stops it.</summary>
    private static readonly TimeSpan s_runnerGrace = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Checks the data's columns, then starts the experiment as a background process on this machine (it outlives the
    /// submitting program) and returns its run at once.
    /// </summary>
    /// <inheritdoc />
    protected internal override async Task<Run> SubmitAsync(Experiment experiment, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        Workspace workspace = experiment.Workspace;
        if (workspace.Backend.Kind != "local")
        {
            throw new UserErrorException(
                $"AutoML experiments run on local workspaces in this version; '{workspace.Name}' is an Azure workspace. Open a local workspace with Workspace.Local().");
        }

        CheckColumns();
        (int concurrency, int threads) = Parallelism();
        string staging = Directory.CreateTempSubdirectory("azureml-automl-").FullName;
        try
        {
            RunnerSettings settings = RunnerSettings(concurrency, threads, staging);
            File.WriteAllText(System.IO.Path.Combine(staging, Local.RunnerSettings.FileName), settings.ToJson());
            Directory.CreateDirectory(System.IO.Path.GetFullPath(Path));
            var submission = new JobSubmission
            {
                ExperimentName = experiment.Name,
                SourceDirectory = staging,
                Command = new[] { DotnetMuxer.Path, AutoMLRunnerLocator.Locate(), Local.RunnerSettings.FileName },
                Target = ComputeTarget?.Name ?? "local",
                RunType = RunType,
                Tags = tags,
                Properties = new Dictionary<string, string>
                {
                    ["AMLSettingsJsonString"] = ToSettingsJson(),
                    ["primary_metric"] = PrimaryMetric,
                    ["num_iterations"] = Iterations.ToString(CultureInfo.InvariantCulture),
                    ["task_type"] = Task,
                    ["azureml.runsource"] = "automl",
                    ["dependencies_versions"] = AutoMLEnvironments.DependencyVersions(),
                },
                MaxRunDurationSeconds = (long)Math.Ceiling((TimeSpan.FromMinutes(ExperimentTimeoutMinutes) + s_runnerGrace).TotalSeconds),
                SnapshotLimits = new SnapshotLimits(long.MaxValue, int.MaxValue),
            };
            RunRecord record = await workspace.Backend.Jobs.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
            return new AutoMLRun(workspace, record);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    // The columns the settings name must exist; only the first rows are read, the run reads the rest.
    private void CheckColumns()
    {
        DataFrame head = TrainingData!.Head(1);
        IEnumerable<(string? Column, string Parameter)> named = new[] { ((string?)LabelColumnName, "labelColumnName"), (WeightColumnName, "weightColumnName") }
            .Concat(CvSplitColumnNames.Select(c => ((string?)c, "cvSplitColumnNames")))
            .Concat(Featurization.DropColumns.Select(c => ((string?)c, "featurization")))
            .Concat(Featurization.ColumnPurposes.Keys.Select(c => ((string?)c, "featurization")));
        foreach ((string? column, string parameter) in named)
        {
            if (column is not null && !head.TryGetColumn(column, out _))
            {
                throw new ConfigException(
                    $"{parameter} names the column '{column}', which trainingData does not have. Columns: {string.Join(", ", head.ColumnNames.Select(c => $"'{c}'"))}.", parameter);
            }
        }
    }

    // Iterations run side by side up to the cores (and a cluster's nodes); each gets its share of the cores.
    private (int Concurrency, int Threads) Parallelism()
    {
        int cores = System.Environment.ProcessorCount;
        if (ComputeTarget is AmlCompute cluster && MaxConcurrentIterations > cluster.ScaleSettings.MaximumNodeCount)
        {
            throw new ConfigException(
                $"maxConcurrentIterations ({MaxConcurrentIterations}) is more than the compute target '{cluster.Name}' has nodes (maxNodes {cluster.ScaleSettings.MaximumNodeCount}); " +
                "one iteration runs per node. Lower maxConcurrentIterations or raise the cluster's maxNodes.", "maxConcurrentIterations");
        }

        int concurrency = Math.Min(MaxConcurrentIterations, cores);
        int threads = MaxCoresPerIteration == -1 ? Math.Max(1, cores / concurrency) : Math.Min(MaxCoresPerIteration, cores);
        return (concurrency, threads);
    }

    private RunnerSettings RunnerSettings(int concurrency, int threads, string staging) => new()
    {
        Task = Task,
        PrimaryMetric = PrimaryMetric,
        LabelColumn = LabelColumnName!,
        WeightColumn = WeightColumnName,
        CvSplitColumns = CvSplitColumnNames.ToList(),
        PositiveLabel = PositiveLabel is null ? null : Engine.Data.ClassLabels.Format(PositiveLabel),
        Iterations = Iterations,
        ExperimentTimeoutSeconds = ExperimentTimeoutMinutes * 60,
        IterationTimeoutSeconds = IterationTimeoutMinutes * 60,
        Concurrency = concurrency,
        ThreadsPerTrial = threads,
        ExitScore = ExperimentExitScore,
        EarlyStopping = EnableEarlyStopping,
        VotingEnsemble = EnableVotingEnsemble,
        StackEnsemble = EnableStackEnsemble,
        CrossValidations = NCrossValidations,
        ValidationSize = ValidationSize,
        Featurization = new Local.RunnerSettings.FeaturizationJson(Featurization.Mode, Featurization.ColumnPurposes.ToDictionary(), Featurization.DropColumns.ToList(),
            Featurization.BlockedTransformers.ToList()),
        Learners = Learners.Select(l => l.Name).ToList(),
        Seed = Seed,
        DebugLogPath = string.IsNullOrEmpty(DebugLog) ? null : System.IO.Path.GetFullPath(DebugLog),
        Training = Source(TrainingData!, staging, "training"),
        Validation = ValidationData is null ? null : Source(ValidationData, staging, "validation"),
    };

    // A dataset travels as its definition; a table as a CSV file in the snapshot, with its column types.
    private static RunnerSettings.DataSourceJson Source(AutoMLData data, string staging, string name)
    {
        if (data.Dataset is { } dataset) return new RunnerSettings.DataSourceJson(dataset.Definition.ToJson(), null, null);
        string file = name + ".csv";
        data.Frame!.ToCsv(System.IO.Path.Combine(staging, file));
        return new RunnerSettings.DataSourceJson(null, file, data.Frame.Columns.ToDictionary(c => c.Name, c => c.DataType));
    }
}
