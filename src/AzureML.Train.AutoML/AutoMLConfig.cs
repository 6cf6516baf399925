using AzureML.Core;
using AzureML.Core.Compute;
using AzureML.Train.AutoML.Engine.Data;
using AzureML.Train.AutoML.Engine.Learners;
using AzureML.Train.AutoML.Engine.Metrics;

namespace AzureML.Train.AutoML;

/// <summary>
/// An automated machine learning experiment: the task, the data, the metric to optimise and the limits.
/// <c>experiment.Submit(config)</c> returns an <see cref="AutoMLRun"/> at once; on a local workspace its iterations
/// (child runs) train in the background, each producing an ONNX model. Mirrors azureml's <c>AutoMLConfig</c>:
/// parameters have azureml's names in C# style, and the <c>automlSettings</c> parameter takes the same settings as a
/// dictionary (<c>**automl_settings</c>) with azureml's keys.
/// </summary>
public sealed partial class AutoMLConfig : SubmittableRunConfig
{
    /// <summary>azureml's default number of iterations.</summary>
    public const int DefaultIterations = 1000;

    /// <summary>azureml's default experiment timeout: six days.</summary>
    public const double DefaultExperimentTimeoutMinutes = 6 * 24 * 60;

    /// <summary>Creates and checks the configuration.</summary>
    /// <param name="task"><c>classification</c> or <c>regression</c> (forecasting and the image and text tasks need an Azure workspace).</param>
    /// <param name="path">The project folder; created when missing.</param>
    /// <param name="iterations">At most this many iterations (ensembles included); default 1000.</param>
    /// <param name="primaryMetric">The metric to optimise; default <c>accuracy</c> (classification) or <c>normalized_root_mean_squared_error</c> (regression).</param>
    /// <param name="computeTarget">Where to run; default this machine. An <see cref="AmlCompute"/> cluster caps concurrent iterations at its maxNodes.</param>
    /// <param name="validationSize">The share of the training data held out for validation, between 0 and 1.</param>
    /// <param name="nCrossValidations">The number of cross-validation folds (at least 2).</param>
    /// <param name="cvSplitColumnNames">Columns that each define a fold: 1 trains, 0 validates.</param>
    /// <param name="featurization"><c>"auto"</c> (default), <c>"off"</c> or a <see cref="FeaturizationConfig"/>.</param>
    /// <param name="maxCoresPerIteration">Threads per iteration; -1 for an equal share of all cores. Default 1.</param>
    /// <param name="maxConcurrentIterations">Iterations trained at once (at most the machine's cores). Default 1.</param>
    /// <param name="iterationTimeoutMinutes">The longest one iteration may take; it fails when it takes longer.</param>
    /// <param name="experimentTimeoutHours">The longest the whole experiment may take, in hours.</param>
    /// <param name="experimentTimeoutMinutes">The longest the whole experiment may take, in minutes (default six days).</param>
    /// <param name="experimentExitScore">Stop once the primary metric reaches this value.</param>
    /// <param name="enableEarlyStopping">Stop when 10 iterations after the 20th bring no improvement.</param>
    /// <param name="blockedModels">azureml model names not to try (e.g. <c>RandomForest</c>).</param>
    /// <param name="allowedModels">azureml model names to try, and only those.</param>
    /// <param name="enableOnnxCompatibleModels">Accepted for azureml compatibility: every model the local engine produces is ONNX.</param>
    /// <param name="enableVotingEnsemble">Add a voting ensemble of the best iterations at the end (default true).</param>
    /// <param name="enableStackEnsemble">Add a stack ensemble (a logistic or linear model over the best iterations' predictions) at the end.</param>
    /// <param name="debugLog">The log file the run writes its progress and errors to (relative to the current folder).</param>
    /// <param name="trainingData">The training data: a <see cref="AzureML.Core.Data.TabularDataset"/> or a <see cref="AzureML.Core.Data.DataFrame"/>, with the label column.</param>
    /// <param name="validationData">Validation data with the same columns, instead of cross-validation.</param>
    /// <param name="labelColumnName">The column to predict.</param>
    /// <param name="weightColumnName">A column of sample weights.</param>
    /// <param name="positiveLabel">The positive class for binary metrics (default: the larger of the two classes in sort order).</param>
    /// <param name="seed">The seed of every random choice (folds, search, trainers); the same seed and data give the same iterations when one runs at a time.</param>
    /// <param name="automlSettings">azureml's settings as a dictionary (keys like <c>experiment_timeout_minutes</c>, <c>primary_metric</c>); a key may not contradict a parameter given explicitly.</param>
    /// <exception cref="ConfigException">A setting is unknown, out of range or contradicts another; the message names it.</exception>
    public AutoMLConfig(
        string task,
        string? path = null,
        int? iterations = null,
        string? primaryMetric = null,
        ComputeTarget? computeTarget = null,
        double? validationSize = null,
        int? nCrossValidations = null,
        IEnumerable<string>? cvSplitColumnNames = null,
        FeaturizationConfig? featurization = null,
        int maxCoresPerIteration = 1,
        int maxConcurrentIterations = 1,
        double? iterationTimeoutMinutes = null,
        double? experimentTimeoutHours = null,
        double? experimentTimeoutMinutes = null,
        double? experimentExitScore = null,
        bool enableEarlyStopping = false,
        IEnumerable<string>? blockedModels = null,
        IEnumerable<string>? allowedModels = null,
        bool enableOnnxCompatibleModels = false,
        bool enableVotingEnsemble = true,
        bool enableStackEnsemble = false,
        string debugLog = "automl.log",
        AutoMLData? trainingData = null,
        AutoMLData? validationData = null,
        string? labelColumnName = null,
        string? weightColumnName = null,
        object? positiveLabel = null,
        int seed = DefaultSeed,
        IReadOnlyDictionary<string, object?>? automlSettings = null)
    {
        var values = new SettingValues
        {
            Task = task,
            Path = path,
            Iterations = iterations,
            PrimaryMetric = primaryMetric,
            ValidationSize = validationSize,
            NCrossValidations = nCrossValidations,
            CvSplitColumnNames = cvSplitColumnNames?.ToList(),
            Featurization = featurization,
            MaxCoresPerIteration = maxCoresPerIteration,
            MaxConcurrentIterations = maxConcurrentIterations,
            IterationTimeoutMinutes = iterationTimeoutMinutes,
            ExperimentTimeoutHours = experimentTimeoutHours,
            ExperimentTimeoutMinutes = experimentTimeoutMinutes,
            ExperimentExitScore = experimentExitScore,
            EnableEarlyStopping = enableEarlyStopping,
            BlockedModels = blockedModels?.ToList(),
            AllowedModels = allowedModels?.ToList(),
            EnableOnnxCompatibleModels = enableOnnxCompatibleModels,
            EnableVotingEnsemble = enableVotingEnsemble,
            EnableStackEnsemble = enableStackEnsemble,
            DebugLog = debugLog,
            LabelColumnName = labelColumnName,
            WeightColumnName = weightColumnName,
            PositiveLabel = positiveLabel,
            Seed = seed,
        };
        if (automlSettings is not null) values.Apply(automlSettings);

        ComputeTarget = computeTarget;
        TrainingData = trainingData;
        ValidationData = validationData;
        Task = ValidTask(values.Task);
        TaskKind kind = Task == "classification" ? TaskKind.Classification : TaskKind.Regression;
        PrimaryMetric = ValidPrimaryMetric(values.PrimaryMetric, kind);
        Path = values.Path ?? ".";
        Iterations = Positive(values.Iterations ?? DefaultIterations, "iterations");
        ValidationSize = values.ValidationSize;
        NCrossValidations = values.NCrossValidations;
        CvSplitColumnNames = values.CvSplitColumnNames ?? new List<string>();
        Featurization = values.Featurization ?? FeaturizationConfig.Auto;
        MaxCoresPerIteration = values.MaxCoresPerIteration;
        MaxConcurrentIterations = Positive(values.MaxConcurrentIterations, "maxConcurrentIterations");
        IterationTimeoutMinutes = values.IterationTimeoutMinutes;
        ExperimentTimeoutMinutes = ExperimentTimeout(values.ExperimentTimeoutMinutes, values.ExperimentTimeoutHours);
        ExperimentExitScore = values.ExperimentExitScore;
        EnableEarlyStopping = values.EnableEarlyStopping;
        BlockedModels = values.BlockedModels ?? new List<string>();
        AllowedModels = values.AllowedModels;
        EnableOnnxCompatibleModels = values.EnableOnnxCompatibleModels;
        EnableVotingEnsemble = values.EnableVotingEnsemble;
        EnableStackEnsemble = values.EnableStackEnsemble;
        DebugLog = values.DebugLog;
        LabelColumnName = values.LabelColumnName;
        WeightColumnName = values.WeightColumnName;
        PositiveLabel = values.PositiveLabel;
        Seed = values.Seed;
        Validate(kind);
        Learners = SelectLearners(kind, AllowedModels, BlockedModels);
    }

    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 42;

    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public string Task { get; }

    /// <summary>The project folder.</summary>
    public string Path { get; }

    /// <summary>The most iterations, ensembles included.</summary>
    public int Iterations { get; }

    /// <summary>The metric the best iteration is chosen by.</summary>
    public string PrimaryMetric { get; }

    /// <summary>The compute target, or null for this machine.</summary>
    public ComputeTarget? ComputeTarget { get; }

    /// <summary>The held-out share of the training data, when set.</summary>
    public double? ValidationSize { get; }

    /// <summary>The number of cross-validation folds, when set.</summary>
    public int? NCrossValidations { get; }

    /// <summary>Columns that each define a cross-validation fold.</summary>
    public IReadOnlyList<string> CvSplitColumnNames { get; }

    /// <summary>The featurization.</summary>
    public FeaturizationConfig Featurization { get; }

    /// <summary>Threads per iteration (-1: an equal share of the cores).</summary>
    public int MaxCoresPerIteration { get; }

    /// <summary>Iterations trained at once.</summary>
    public int MaxConcurrentIterations { get; }

    /// <summary>The longest one iteration may take, when set.</summary>
    public double? IterationTimeoutMinutes { get; }

    /// <summary>The longest the experiment may take (from minutes or hours, default six days).</summary>
    public double ExperimentTimeoutMinutes { get; }

    /// <summary>The primary metric value that ends the experiment, when set.</summary>
    public double? ExperimentExitScore { get; }

    /// <summary>Whether the experiment stops early when iterations stop improving.</summary>
    public bool EnableEarlyStopping { get; }

    /// <summary>azureml model names not to try.</summary>
    public IReadOnlyList<string> BlockedModels { get; }

    /// <summary>azureml model names to try, or null for all.</summary>
    public IReadOnlyList<string>? AllowedModels { get; }

    /// <summary>As given; every local model is ONNX regardless.</summary>
    public bool EnableOnnxCompatibleModels { get; }

    /// <summary>Whether a voting ensemble ends the experiment.</summary>
    public bool EnableVotingEnsemble { get; }

    /// <summary>Whether a stack ensemble ends the experiment.</summary>
    public bool EnableStackEnsemble { get; }

    /// <summary>The debug log file.</summary>
    public string DebugLog { get; }

    /// <summary>The training data.</summary>
    public AutoMLData? TrainingData { get; }

    /// <summary>The validation data, when given.</summary>
    public AutoMLData? ValidationData { get; }

    /// <summary>The column to predict.</summary>
    public string? LabelColumnName { get; }

    /// <summary>The sample weight column, when given.</summary>
    public string? WeightColumnName { get; }

    /// <summary>The positive class for binary metrics, when given.</summary>
    public object? PositiveLabel { get; }

    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; }

    /// <summary>The learners the engine searches (allowed, not blocked).</summary>
    internal IReadOnlyList<Learner> Learners { get; }

    internal TaskKind TaskKind => Task == "classification" ? TaskKind.Classification : TaskKind.Regression;

    /// <inheritdoc />
    public override string ToString()
        => $"AutoMLConfig(task: {Task}, primaryMetric: {PrimaryMetric}, label: {LabelColumnName}, training: {TrainingData}, " +
           $"experimentTimeoutMinutes: {ExperimentTimeoutMinutes:0.##}, maxConcurrentIterations: {MaxConcurrentIterations}, models: {string.Join(", ", Learners.Select(l => l.Name))})";

    private static IReadOnlyList<Learner> SelectLearners(TaskKind task, IReadOnlyList<string>? allowed, IReadOnlyList<string> blocked)
    {
        IReadOnlyList<Learner> learners = LearnerCatalog.For(task);
        var known = learners.SelectMany(l => l.ModelNames).Concat(LearnerCatalog.Unavailable(task)).ToHashSet(StringComparer.Ordinal);
        foreach ((string parameter, IReadOnlyList<string>? names) in new[] { ("allowedModels", allowed), ("blockedModels", blocked) })
        {
            List<string> unknown = (names ?? Array.Empty<string>()).Where(n => !known.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                throw new ConfigException(
                    $"Invalid {parameter} for task '{task.ToString().ToLowerInvariant()}': {string.Join(", ", unknown)}. " +
                    $"Supported model names: {string.Join(", ", known.Order(StringComparer.Ordinal))}.", parameter);
            }
        }

        List<Learner> chosen = learners
            .Where(l => allowed is null || l.ModelNames.Any(allowed.Contains))
            .Where(l => !l.ModelNames.Any(blocked.Contains))
            .ToList();
        if (chosen.Count == 0)
        {
            string available = string.Join(", ", learners.Select(l => l.Name));
            throw new ConfigException(
                "No model is left to train: allowedModels and blockedModels leave none of the models the local engine has " +
                $"({available}). {string.Join(", ", LearnerCatalog.Unavailable(task))} need an Azure workspace.", allowed is null ? "blockedModels" : "allowedModels");
        }

        return chosen;
    }
}
